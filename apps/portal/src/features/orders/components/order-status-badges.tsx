import { type ActivationStatus, type OrderStatus } from "@portal/domain";
import { type VariantProps } from "class-variance-authority";
import { useTranslations } from "next-intl";
import { Badge, type badgeVariants } from "@/components/ui/badge";

type Tone = NonNullable<VariantProps<typeof badgeVariants>["tone"]>;

const STATUS_TONE: Record<OrderStatus, Tone> = {
  draft: "neutral",
  pending_review: "info",
  approved: "info",
  activated: "success",
  cancelled: "neutral",
};

const ACTIVATION_TONE: Record<ActivationStatus, Tone> = {
  not_started: "neutral",
  activating: "info",
  activated: "success",
  failed: "danger",
};

/**
 * An order's two badges: where the order stands (`orderStatus.<status>`, "Pending review") and,
 * once set-up has begun, how far it has come (`activationStatus.<status>`, "Activating"). A
 * not-started activation is left out while the order waits for review: it would say nothing new.
 */
export function OrderStatusBadges({
  status,
  activationStatus,
}: {
  status: OrderStatus;
  activationStatus: ActivationStatus;
}) {
  const t = useTranslations("orderStatus");
  const activation = useTranslations("activationStatus");
  return (
    <span className="flex flex-wrap gap-1.5">
      <Badge tone={STATUS_TONE[status]} data-status={status}>
        {t(status)}
      </Badge>
      {activationStatus === "not_started" ? null : (
        <Badge tone={ACTIVATION_TONE[activationStatus]} data-activation={activationStatus}>
          {activation(activationStatus)}
        </Badge>
      )}
    </span>
  );
}
