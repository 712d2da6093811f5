"use client";

import { isPastDue, type DashboardSummary } from "@portal/domain";
import { CalendarClock, CheckCircle2, CreditCard, Receipt, TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { QueryError } from "@/components/query-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CardDescription } from "@/components/ui/card";
import { DashboardSkeleton } from "@/features/account/components/dashboard-skeleton";
import { ProfileCard } from "@/features/account/components/profile-card";
import { CardLink, SummaryCard } from "@/features/account/components/summary-card";
import { useDashboardSummary } from "@/features/account/hooks/use-dashboard-summary";
import { RecentOrdersCard } from "@/features/orders/components/recent-orders-card";
import { ServicesCard } from "@/features/subscriptions/components/services-card";
import { QuickPayButton } from "@/features/billing/components/quick-pay-button";
import {
  INVOICES_PATH,
  invoiceListPath,
  invoicePath,
} from "@/features/billing/navigation/invoice-paths";
import { useFormat } from "@/lib/format/use-format";

function UnpaidInvoicesCard({ invoices }: { invoices: DashboardSummary["invoices"] }) {
  const t = useTranslations("dashboard");
  const format = useFormat();
  return (
    <SummaryCard
      icon={<Receipt aria-hidden="true" />}
      title={t("unpaidTitle")}
      footer={
        invoices.unpaidCount > 0 ? (
          <CardLink href={invoiceListPath({ status: "unpaid", page: 1 })}>
            {t("seeUnpaid")}
          </CardLink>
        ) : null
      }
    >
      <p className="text-3xl font-bold tracking-tight">
        {invoices.unpaidCount}
        <span className="sr-only"> {t("unpaidSuffix")}</span>
      </p>
      <p className="text-sm text-muted-foreground">
        {t("unpaidTotal", { amount: format.money(invoices.unpaidTotal) })}
      </p>
      {invoices.overdueCount > 0 ? (
        <div className="mt-1 flex flex-col gap-1.5 rounded-lg border border-destructive-border bg-destructive-soft p-3">
          <Badge tone="danger">{t("overdueCount", { count: invoices.overdueCount })}</Badge>
          <p className="text-[13px] text-destructive">{t("overdueWarning")}</p>
        </div>
      ) : (
        <Badge tone="success" className="mt-1">
          {t("nothingOverdue")}
        </Badge>
      )}
    </SummaryCard>
  );
}

/**
 * The payable invoice due first, with a "Pay" button. A past-due one (`isPastDue`) is titled
 * "Overdue payment" and says when it was due, rather than "Next payment".
 */
function NextPaymentCard({ nextDue }: { nextDue: DashboardSummary["invoices"]["nextDue"] }) {
  const t = useTranslations("dashboard");
  const format = useFormat();
  if (!nextDue) {
    return (
      <SummaryCard icon={<CalendarClock aria-hidden="true" />} title={t("nextPaymentTitle")}>
        <p className="flex items-center gap-2 text-lg font-semibold text-success">
          <CheckCircle2 aria-hidden="true" className="size-5" />
          {t("allPaid")}
        </p>
        <CardDescription>{t("nothingToPay")}</CardDescription>
      </SummaryCard>
    );
  }
  const overdue = isPastDue(nextDue.status);
  return (
    <SummaryCard
      icon={overdue ? <TriangleAlert aria-hidden="true" /> : <CalendarClock aria-hidden="true" />}
      title={overdue ? t("overdueTitle") : t("nextPaymentTitle")}
      footer={
        <div className="flex w-full flex-wrap items-center justify-between gap-3">
          <CardLink href={invoicePath(nextDue.invoiceId)}>
            {t("viewInvoice")}
            <span className="sr-only"> {nextDue.number}</span>
          </CardLink>
          <QuickPayButton invoiceId={nextDue.invoiceId} invoiceNumber={nextDue.number} />
        </div>
      }
    >
      <p className="text-3xl font-bold tracking-tight">{format.money(nextDue.total)}</p>
      <p className={overdue ? "text-sm text-destructive" : "text-sm text-muted-foreground"}>
        {t.rich(overdue ? "wasDueOn" : "dueOn", {
          date: format.date(nextDue.dueOn),
          strong: (chunks) => (
            <span className={overdue ? "font-semibold" : "font-semibold text-foreground"}>
              {chunks}
            </span>
          ),
        })}
      </p>
      <p className="text-sm break-all text-muted-foreground">
        {t("invoiceNumber", { number: nextDue.number })}
      </p>
    </SummaryCard>
  );
}

function PaymentMethodCard({ hasPaymentMethod }: { hasPaymentMethod: boolean }) {
  const t = useTranslations("dashboard");
  return (
    <SummaryCard
      icon={<CreditCard aria-hidden="true" />}
      title={t("paymentMethodTitle")}
      footer={<CardLink href="/billing/payments">{t("managePaymentMethods")}</CardLink>}
    >
      {hasPaymentMethod ? (
        <>
          <Badge tone="success">{t("onFile")}</Badge>
          <CardDescription>{t("onFileText")}</CardDescription>
        </>
      ) : (
        <>
          <Badge tone="neutral">{t("noneOnFile")}</Badge>
          <CardDescription>{t("noneOnFileText")}</CardDescription>
        </>
      )}
    </SummaryCard>
  );
}

/**
 * The dashboard: a welcome, unpaid and overdue invoices, the next payment, the payment method, the
 * current services, the latest orders and the customer's name and address.
 */
export function DashboardOverview() {
  const summary = useDashboardSummary();
  const t = useTranslations("dashboard");
  const format = useFormat();

  if (summary.isPending) return <DashboardSkeleton />;

  const viewInvoices = (
    <Button asChild variant="outline">
      <Link href={INVOICES_PATH}>{t("viewInvoices")}</Link>
    </Button>
  );

  if (summary.isError) {
    return (
      <>
        <PageHeader title={t("title")} actions={viewInvoices} />
        <QueryError
          title={t("loadFailed")}
          error={summary.error}
          onRetry={() => void summary.refetch()}
          retrying={summary.isFetching}
        />
      </>
    );
  }

  const { customer, invoices, hasPaymentMethod } = summary.data;
  return (
    <>
      <PageHeader
        title={t("welcome", { name: format.greetingName(customer) })}
        description={t("customerNumber", { number: customer.customerNumber })}
        actions={viewInvoices}
      />
      <div className="grid gap-5 md:grid-cols-2 xl:grid-cols-3">
        <UnpaidInvoicesCard invoices={invoices} />
        <NextPaymentCard nextDue={invoices.nextDue} />
        <PaymentMethodCard hasPaymentMethod={hasPaymentMethod} />
        <ServicesCard />
        <RecentOrdersCard />
        <ProfileCard />
      </div>
    </>
  );
}
