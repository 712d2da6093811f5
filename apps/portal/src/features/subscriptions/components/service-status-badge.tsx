import { type ServiceStatus } from "@portal/domain";
import { type VariantProps } from "class-variance-authority";
import { useTranslations } from "next-intl";
import { Badge, type badgeVariants } from "@/components/ui/badge";

type Tone = NonNullable<VariantProps<typeof badgeVariants>["tone"]>;

const STATUS_TONE: Record<ServiceStatus, Tone> = {
  pending: "info",
  active: "success",
  suspended: "warning",
  terminated: "neutral",
  cancelled: "neutral",
  completed: "neutral",
  fraud: "danger",
};

/** Where a service stands (`serviceStatus.<status>`, "Active"), toned by how it affects use. */
export function ServiceStatusBadge({ status }: { status: ServiceStatus }) {
  const t = useTranslations("serviceStatus");
  return (
    <Badge tone={STATUS_TONE[status]} data-service-status={status}>
      {t(status)}
    </Badge>
  );
}
