"use client";

import {
  invoiceBalanceLabel,
  isPayable,
  type InvoiceDetail as InvoiceDetailData,
} from "@portal/domain";
import { useTranslations } from "next-intl";
import { notFound } from "next/navigation";
import { type ReactNode } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { QueryError } from "@/components/query-error";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { BackToInvoices } from "@/features/billing/components/back-to-invoices";
import { InvoiceDetailSkeleton } from "@/features/billing/components/invoice-detail-skeleton";
import { InvoiceDownloadButtons } from "@/features/billing/components/invoice-download-buttons";
import { InvoiceStatusBadge } from "@/features/billing/components/invoice-status-badge";
import { PayInvoiceButton } from "@/features/billing/components/pay-invoice-button";
import { useInvoice } from "@/features/billing/hooks/use-invoice";
import { isApiClientError } from "@/lib/api/api-client-error";
import { cn } from "@/lib/cn";
import { useFormat } from "@/lib/format/use-format";

function AmountRow({
  label,
  children,
  strong = false,
  className,
}: {
  label: string;
  children: ReactNode;
  strong?: boolean;
  className?: string;
}) {
  return (
    <div
      className={cn(
        "flex items-baseline justify-between gap-4",
        strong && "text-base font-semibold",
        className,
      )}
    >
      <dt className={strong ? undefined : "text-muted-foreground"}>{label}</dt>
      <dd className="tabular-nums">{children}</dd>
    </div>
  );
}

function Items({ invoice }: { invoice: InvoiceDetailData }) {
  const t = useTranslations("invoice");
  const format = useFormat();
  return (
    <Card className="overflow-hidden">
      <CardHeader>
        <CardTitle>{t("items")}</CardTitle>
      </CardHeader>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead className="w-full">{t("itemDescription")}</TableHead>
            <TableHead className="text-right">{t("amount")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {invoice.items.map((item) => (
            <TableRow key={item.id}>
              <TableCell className="whitespace-normal">
                {item.description}
                {item.taxed ? (
                  <span className="ml-2 text-xs text-muted-foreground">{t("taxable")}</span>
                ) : null}
              </TableCell>
              <TableCell className="text-right tabular-nums">{format.money(item.amount)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
}

/** The line under the total, worded by the invoice's status (`invoiceBalanceLabel`). */
function BalanceRow({ invoice }: { invoice: InvoiceDetailData }) {
  const t = useTranslations("invoice");
  const format = useFormat();
  const label = invoiceBalanceLabel(invoice.status);
  switch (label) {
    case null:
      return (
        <p className="mt-1 text-sm text-muted-foreground">
          {invoice.status === "cancelled"
            ? t("nothingOwedCancelled")
            : invoice.status === "refunded"
              ? t("nothingOwedRefunded")
              : t("nothingOwedDraft")}
        </p>
      );
    case "paid":
      return (
        <AmountRow label={t("paidInFull")} strong>
          <span className="text-success">{format.money(invoice.total)}</span>
        </AmountRow>
      );
    default: {
      const text = {
        due: t("balance"),
        overdue: t("balanceOverdue"),
        collections: t("balanceCollections"),
        pending: t("balancePending"),
      }[label];
      return (
        <AmountRow label={text} strong>
          <span className={label === "pending" ? undefined : "text-destructive"}>
            {format.money(invoice.balance)}
          </span>
        </AmountRow>
      );
    }
  }
}

function Totals({ invoice }: { invoice: InvoiceDetailData }) {
  const t = useTranslations("invoice");
  const format = useFormat();
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("summary")}</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="flex flex-col gap-2.5 text-sm">
          <AmountRow label={t("subtotal")}>{format.money(invoice.subtotal)}</AmountRow>
          <AmountRow label={t("tax")}>{format.money(invoice.tax)}</AmountRow>
          <AmountRow label={t("total")} strong className="mt-1 border-t pt-3">
            {format.money(invoice.total)}
          </AmountRow>
          <BalanceRow invoice={invoice} />
        </dl>
      </CardContent>
    </Card>
  );
}

function Payments({ invoice }: { invoice: InvoiceDetailData }) {
  const t = useTranslations("invoice");
  const channel = useTranslations("paymentChannel");
  const format = useFormat();
  return (
    <Card className="overflow-hidden">
      <CardHeader>
        <CardTitle>{t("payments")}</CardTitle>
      </CardHeader>
      {invoice.payments.length === 0 ? (
        <CardContent>
          <p className="text-sm text-muted-foreground">{t("noPayments")}</p>
        </CardContent>
      ) : (
        <>
          <div className="hidden sm:block">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("paymentDate")}</TableHead>
                  <TableHead>{t("paymentMethod")}</TableHead>
                  <TableHead>{t("transaction")}</TableHead>
                  <TableHead className="text-right">{t("amount")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {invoice.payments.map((payment) => (
                  <TableRow key={payment.transactionId}>
                    <TableCell className="tabular-nums">
                      {format.dateTime(payment.paidAt)}
                    </TableCell>
                    <TableCell>{channel(payment.method)}</TableCell>
                    <TableCell className="font-mono text-xs">{payment.transactionId}</TableCell>
                    <TableCell className="text-right tabular-nums">
                      {format.money(payment.amount)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <ul className="flex flex-col border-t sm:hidden">
            {invoice.payments.map((payment) => (
              <li
                key={payment.transactionId}
                className="flex flex-col gap-1 border-b px-5 py-3 text-sm last:border-0"
              >
                <div className="flex items-baseline justify-between gap-3">
                  <span className="tabular-nums">{format.dateTime(payment.paidAt)}</span>
                  <span className="font-semibold tabular-nums">{format.money(payment.amount)}</span>
                </div>
                <span className="text-muted-foreground">{channel(payment.method)}</span>
                <span className="font-mono text-xs break-all text-muted-foreground">
                  {payment.transactionId}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

/**
 * An invoice: number and status, dates, items, totals, balance and payments, with "Pay now"
 * while it is payable (`isPayable`) and the PDF downloads (the receipt once paid). An invoice
 * the BFF does not find (404, also another customer's) renders the segment's not-found page.
 */
export function InvoiceDetail({ id }: { id: number }) {
  const invoice = useInvoice(id);
  const t = useTranslations("invoice");
  const format = useFormat();

  if (invoice.isPending) return <InvoiceDetailSkeleton />;
  if (invoice.isError) {
    if (isApiClientError(invoice.error, "NOT_FOUND")) notFound();
    return (
      <>
        <PageHeader before={<BackToInvoices />} title={t("title")} />
        <QueryError
          title={t("loadFailed")}
          error={invoice.error}
          onRetry={() => void invoice.refetch()}
          retrying={invoice.isFetching}
        />
      </>
    );
  }

  const data = invoice.data;
  return (
    <>
      <PageHeader
        before={<BackToInvoices />}
        title={
          <span className="flex flex-wrap items-center gap-3">
            <span>{t("titleNumber", { number: data.number })}</span>
            <InvoiceStatusBadge status={data.status} />
          </span>
        }
        description={
          <dl className="flex flex-wrap gap-x-6 gap-y-1">
            <div className="flex gap-1.5">
              <dt>{t("issued")}</dt>
              <dd className="font-medium text-foreground tabular-nums">
                {format.date(data.issuedOn)}
              </dd>
            </div>
            <div className="flex gap-1.5">
              <dt>{t("due")}</dt>
              <dd className="font-medium text-foreground tabular-nums">
                {format.date(data.dueOn)}
              </dd>
            </div>
            {data.paidOn ? (
              <div className="flex gap-1.5">
                <dt>{t("paid")}</dt>
                <dd className="font-medium text-foreground tabular-nums">
                  {format.date(data.paidOn)}
                </dd>
              </div>
            ) : null}
          </dl>
        }
        actions={
          <div className="flex w-full flex-col items-stretch gap-3 sm:w-auto sm:items-end">
            {isPayable(data.status) ? <PayInvoiceButton invoiceId={data.id} /> : null}
            <InvoiceDownloadButtons invoiceId={data.id} paid={data.status === "paid"} />
          </div>
        }
      />
      {/* Narrow screens read items, totals, payments; wide ones keep the totals in a side column. */}
      <div className="grid items-start gap-5 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 lg:col-start-1">
          <Items invoice={data} />
        </div>
        <div className="lg:col-start-2 lg:row-span-3 lg:row-start-1">
          <Totals invoice={data} />
        </div>
        <div className="min-w-0 lg:col-start-1">
          <Payments invoice={data} />
        </div>
        {data.notes ? (
          <Card className="lg:col-start-1">
            <CardHeader>
              <CardTitle>{t("notes")}</CardTitle>
            </CardHeader>
            <CardContent>
              <p className="text-sm whitespace-pre-line text-muted-foreground">{data.notes}</p>
            </CardContent>
          </Card>
        ) : null}
      </div>
    </>
  );
}
