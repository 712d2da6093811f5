import { isPayable, type InvoiceSummary } from "@portal/domain";
import { useTranslations } from "next-intl";
import Link from "next/link";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { InvoiceStatusBadge } from "@/features/billing/components/invoice-status-badge";
import { QuickPayButton } from "@/features/billing/components/quick-pay-button";
import { invoicePath, type InvoiceListPosition } from "@/features/billing/navigation/invoice-paths";
import { useFormat } from "@/lib/format/use-format";

/**
 * One page of invoices: a table from `md` up, stacked cards on narrow screens (only one of the
 * two is displayed, so assistive tech sees one list). Each invoice links to its detail page,
 * carrying the list's `position` so "Back to invoices" returns here; payable invoices have a
 * "Pay" button. Invoice numbers wrap rather than being cut off at large text sizes.
 */
export function InvoiceTable({
  invoices,
  position,
}: {
  invoices: InvoiceSummary[];
  position: InvoiceListPosition;
}) {
  const t = useTranslations("invoices");
  const format = useFormat();
  return (
    <>
      <div className="hidden overflow-hidden rounded-xl border bg-card shadow-sm md:block">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>{t("columnNumber")}</TableHead>
              <TableHead>{t("columnDate")}</TableHead>
              <TableHead>{t("columnDue")}</TableHead>
              <TableHead className="text-right">{t("columnTotal")}</TableHead>
              <TableHead>{t("columnStatus")}</TableHead>
              <TableHead>
                <span className="sr-only">{t("columnAction")}</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {invoices.map((invoice) => (
              <TableRow key={invoice.id} className="hover:bg-muted/50">
                <TableCell className="whitespace-normal">
                  <Link
                    href={invoicePath(invoice.id, position)}
                    className="rounded-sm font-semibold break-all text-primary underline-offset-4 hover:underline"
                  >
                    {invoice.number}
                  </Link>
                </TableCell>
                <TableCell className="tabular-nums">{format.date(invoice.issuedOn)}</TableCell>
                <TableCell className="tabular-nums">{format.date(invoice.dueOn)}</TableCell>
                <TableCell className="text-right font-medium tabular-nums">
                  {format.money(invoice.total)}
                </TableCell>
                <TableCell>
                  <InvoiceStatusBadge status={invoice.status} />
                </TableCell>
                <TableCell className="text-right">
                  {isPayable(invoice.status) ? (
                    <QuickPayButton invoiceId={invoice.id} invoiceNumber={invoice.number} />
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>

      <ul className="flex flex-col gap-3 md:hidden">
        {invoices.map((invoice) => (
          <li
            key={invoice.id}
            className="relative flex flex-col gap-3 rounded-xl border bg-card p-4 shadow-sm transition-colors hover:bg-muted/40"
          >
            <div className="flex flex-wrap items-start justify-between gap-2">
              {/* The link covers the whole card (its ::after); the Pay button sits above it. */}
              <Link
                href={invoicePath(invoice.id, position)}
                className="inline-flex min-h-11 min-w-0 items-center rounded-sm font-semibold break-all text-primary after:absolute after:inset-0 after:rounded-xl"
              >
                {invoice.number}
              </Link>
              <InvoiceStatusBadge status={invoice.status} />
            </div>
            <div className="flex items-end justify-between gap-2 text-sm">
              <span className="text-muted-foreground tabular-nums">
                <span className="block">
                  {t("issuedOn", { date: format.date(invoice.issuedOn) })}
                </span>
                <span className="block">{t("dueOn", { date: format.date(invoice.dueOn) })}</span>
              </span>
              <span className="text-base font-semibold tabular-nums">
                {format.money(invoice.total)}
              </span>
            </div>
            {isPayable(invoice.status) ? (
              <QuickPayButton
                invoiceId={invoice.id}
                invoiceNumber={invoice.number}
                className="relative z-10"
              />
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
