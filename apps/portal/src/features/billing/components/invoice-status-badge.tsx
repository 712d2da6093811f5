import { type InvoiceStatus } from "@portal/domain";
import { Badge, type badgeVariants } from "@/components/ui/badge";
import { type VariantProps } from "class-variance-authority";

/** How each invoice status reads to the customer. */
export const INVOICE_STATUS_LABEL: Record<InvoiceStatus, string> = {
  paid: "Paid",
  unpaid: "Unpaid",
  overdue: "Overdue",
  cancelled: "Cancelled",
  refunded: "Refunded",
  collections: "In collections",
  draft: "Draft",
  payment_pending: "Payment pending",
};

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

/** An invoice's status as a coloured, labelled badge (green paid, amber unpaid, red overdue…). */
export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  return (
    <Badge tone={STATUS_TONE[status]} data-status={status}>
      {INVOICE_STATUS_LABEL[status]}
    </Badge>
  );
}
