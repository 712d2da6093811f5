import { type InvoiceStatus } from "@portal/domain";
import { type VariantProps } from "class-variance-authority";
import { useTranslations } from "next-intl";
import { Badge, type badgeVariants } from "@/components/ui/badge";

const STATUS_TONE: Record<
  InvoiceStatus,
  NonNullable<VariantProps<typeof badgeVariants>["tone"]>
> = {
  paid: "success",
  unpaid: "warning",
  overdue: "danger",
  collections: "danger",
  cancelled: "neutral",
  draft: "neutral",
  refunded: "info",
  payment_pending: "info",
};

/**
 * An invoice's status as a coloured, labelled badge (green paid, amber unpaid, red overdue…);
 * the label is the catalog's `invoiceStatus.<status>`.
 */
export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  const t = useTranslations("invoiceStatus");
  return (
    <Badge tone={STATUS_TONE[status]} data-status={status}>
      {t(status)}
    </Badge>
  );
}
