"use client";

import { type DashboardSummary } from "@portal/domain";
import { ArrowRight, CalendarClock, CheckCircle2, CreditCard, Receipt } from "lucide-react";
import Link from "next/link";
import { type ReactNode } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { QueryError } from "@/components/query-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  Card,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
} from "@/components/ui/card";
import { DashboardSkeleton } from "@/features/account/components/dashboard-skeleton";
import { useDashboardSummary } from "@/features/account/hooks/use-dashboard-summary";
import { formatDate } from "@/lib/format/date";
import { formatMoney } from "@/lib/format/money";

const INVOICES_PATH = "/billing/invoices";

function SummaryCard({
  icon,
  title,
  children,
  footer,
}: {
  icon: ReactNode;
  title: string;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <Card>
      <CardHeader className="flex-row items-center gap-3">
        <span className="inline-flex size-9 items-center justify-center rounded-lg bg-brand-soft text-primary [&_svg]:size-[18px]">
          {icon}
        </span>
        <CardTitle>{title}</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-1 flex-col gap-2">{children}</CardContent>
      {footer ? <CardFooter>{footer}</CardFooter> : null}
    </Card>
  );
}

function CardLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link
      href={href}
      className="inline-flex items-center gap-1.5 rounded-sm text-sm font-semibold text-primary underline-offset-4 hover:underline"
    >
      {children}
      <ArrowRight aria-hidden="true" className="size-4" />
    </Link>
  );
}

function UnpaidInvoicesCard({ invoices }: { invoices: DashboardSummary["invoices"] }) {
  return (
    <SummaryCard
      icon={<Receipt aria-hidden="true" />}
      title="Unpaid invoices"
      footer={
        invoices.unpaidCount > 0 ? (
          <CardLink href={`${INVOICES_PATH}?status=unpaid`}>See unpaid invoices</CardLink>
        ) : null
      }
    >
      <p className="text-3xl font-bold tracking-tight">
        {invoices.unpaidCount}
        <span className="sr-only"> unpaid</span>
      </p>
      <p className="text-sm text-muted-foreground">{formatMoney(invoices.unpaidTotal)} in total</p>
      {invoices.overdueCount > 0 ? (
        <div className="mt-1 flex flex-col gap-1.5 rounded-lg border border-destructive-border bg-destructive-soft p-3">
          <Badge tone="danger">{invoices.overdueCount} overdue</Badge>
          <p className="text-[13px] text-destructive">
            Please pay overdue invoices as soon as possible to avoid service interruption.
          </p>
        </div>
      ) : (
        <Badge tone="success" className="mt-1">
          Nothing overdue
        </Badge>
      )}
    </SummaryCard>
  );
}

function NextPaymentCard({ nextDue }: { nextDue: DashboardSummary["invoices"]["nextDue"] }) {
  if (!nextDue) {
    return (
      <SummaryCard icon={<CalendarClock aria-hidden="true" />} title="Next payment">
        <p className="flex items-center gap-2 text-lg font-semibold text-success">
          <CheckCircle2 aria-hidden="true" className="size-5" />
          You&apos;re all paid up
        </p>
        <CardDescription>There is nothing to pay right now.</CardDescription>
      </SummaryCard>
    );
  }
  return (
    <SummaryCard
      icon={<CalendarClock aria-hidden="true" />}
      title="Next payment"
      footer={
        <CardLink href={`${INVOICES_PATH}/${nextDue.invoiceId}`}>
          View invoice<span className="sr-only"> {nextDue.number}</span>
        </CardLink>
      }
    >
      <p className="text-3xl font-bold tracking-tight">{formatMoney(nextDue.total)}</p>
      <p className="text-sm text-muted-foreground">
        Due <span className="font-semibold text-foreground">{formatDate(nextDue.dueOn)}</span>
      </p>
      <p className="text-sm text-muted-foreground">Invoice {nextDue.number}</p>
    </SummaryCard>
  );
}

function PaymentMethodCard({ hasPaymentMethod }: { hasPaymentMethod: boolean }) {
  return (
    <SummaryCard icon={<CreditCard aria-hidden="true" />} title="Payment method">
      {hasPaymentMethod ? (
        <>
          <Badge tone="success">On file</Badge>
          <CardDescription>
            A payment method is saved. You can use it when you pay an invoice.
          </CardDescription>
        </>
      ) : (
        <>
          <Badge tone="neutral">None on file</Badge>
          <CardDescription>
            No payment method is saved. You can add a card when you pay your next invoice.
          </CardDescription>
        </>
      )}
    </SummaryCard>
  );
}

/** The dashboard: a welcome, unpaid and overdue invoices, the next payment and the payment method. */
export function DashboardOverview() {
  const summary = useDashboardSummary();

  if (summary.isPending) return <DashboardSkeleton />;

  const viewInvoices = (
    <Button asChild variant="outline">
      <Link href={INVOICES_PATH}>View invoices</Link>
    </Button>
  );

  if (summary.isError) {
    return (
      <>
        <PageHeader title="Welcome" actions={viewInvoices} />
        <QueryError
          title="We couldn't load your account summary"
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
        title={`Welcome, ${customer.firstName}`}
        description={`Customer number ${customer.customerNumber}`}
        actions={viewInvoices}
      />
      <div className="grid gap-5 md:grid-cols-2 xl:grid-cols-3">
        <UnpaidInvoicesCard invoices={invoices} />
        <NextPaymentCard nextDue={invoices.nextDue} />
        <PaymentMethodCard hasPaymentMethod={hasPaymentMethod} />
      </div>
    </>
  );
}
