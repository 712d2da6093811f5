import { type InvoiceSummary } from "@portal/domain";
import { ChevronRight } from "lucide-react";
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
import { useFormat } from "@/lib/format/use-format";

function invoiceHref(invoice: InvoiceSummary): string {
  return `/billing/invoices/${invoice.id}`;
}

/**
 * One page of invoices: a table from `md` up, stacked cards on narrow screens (only one of the
 * two is displayed, so assistive tech sees one list). Each invoice links to its detail page.
 */
export function InvoiceTable({ invoices }: { invoices: InvoiceSummary[] }) {
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
            </TableRow>
          </TableHeader>
          <TableBody>
            {invoices.map((invoice) => (
              <TableRow key={invoice.id} className="hover:bg-muted/50">
                <TableCell>
                  <Link
                    href={invoiceHref(invoice)}
                    className="rounded-sm font-semibold text-primary underline-offset-4 hover:underline"
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
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>

      <ul className="flex flex-col gap-3 md:hidden">
        {invoices.map((invoice) => (
          <li key={invoice.id}>
            <Link
              href={invoiceHref(invoice)}
              className="flex items-center gap-3 rounded-xl border bg-card p-4 shadow-sm transition-colors hover:bg-muted/40"
            >
              <div className="flex min-w-0 flex-1 flex-col gap-1.5">
                <div className="flex items-center justify-between gap-2">
                  <span className="truncate font-semibold text-primary">{invoice.number}</span>
                  <InvoiceStatusBadge status={invoice.status} />
                </div>
                <div className="flex items-end justify-between gap-2 text-sm">
                  <span className="text-muted-foreground tabular-nums">
                    <span className="block">
                      {t("issuedOn", { date: format.date(invoice.issuedOn) })}
                    </span>
                    <span className="block">
                      {t("dueOn", { date: format.date(invoice.dueOn) })}
                    </span>
                  </span>
                  <span className="text-base font-semibold tabular-nums">
                    {format.money(invoice.total)}
                  </span>
                </div>
              </div>
              <ChevronRight aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
