"use client";

import { FileSearch } from "lucide-react";
import { useTranslations } from "next-intl";
import { Pagination } from "@/components/pagination";
import Link from "next/link";
import { QueryError } from "@/components/query-error";
import { Button, buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { InvoiceListSkeleton } from "@/features/billing/components/invoice-list-skeleton";
import { InvoiceStatusFilter } from "@/features/billing/components/invoice-status-filter";
import { InvoiceTable } from "@/features/billing/components/invoice-table";
import {
  useInvoiceListSearchParams,
  type InvoiceStatusFilter as InvoiceStatusFilterValue,
} from "@/features/billing/hooks/use-invoice-list-search-params";
import { useInvoices } from "@/features/billing/hooks/use-invoices";
import { invoiceListPath } from "@/features/billing/navigation/invoice-paths";

/**
 * Shown for a page number past the last page (an old or edited link): says so and links to the
 * last page, keeping the filter.
 */
function PastTheEnd({
  status,
  page,
  last,
}: {
  status: InvoiceStatusFilterValue;
  page: number;
  last: number;
}) {
  const t = useTranslations("invoices");
  return (
    <div className="flex flex-col items-center gap-3 rounded-xl border border-dashed bg-card px-6 py-12 text-center">
      <FileSearch aria-hidden="true" className="size-10 text-muted-foreground" />
      <h2 className="text-lg font-semibold">{t("pastEndTitle", { page })}</h2>
      <p className="max-w-sm text-sm text-muted-foreground">{t("pastEndText", { last })}</p>
      <Link
        href={invoiceListPath({ status, page: last })}
        className={buttonVariants({ variant: "outline", size: "sm" })}
      >
        {t("pastEndLink", { last })}
      </Link>
    </div>
  );
}

/**
 * The invoice list: status filter, one page of invoices and the pager, with the state in the URL.
 * The page on screen stays (dimmed) while the next one loads.
 */
export function InvoiceList() {
  const { query, setStatus, setPage } = useInvoiceListSearchParams();
  const invoices = useInvoices(query);
  const t = useTranslations("invoices");
  const status = useTranslations("invoiceStatus");

  if (invoices.isPending) return <InvoiceListSkeleton />;

  const filter = <InvoiceStatusFilter value={query.status} onChange={setStatus} />;

  if (invoices.isError) {
    return (
      <div className="flex flex-col gap-4">
        {filter}
        <QueryError
          title={t("loadFailed")}
          error={invoices.error}
          onRetry={() => void invoices.refetch()}
          retrying={invoices.isFetching}
        />
      </div>
    );
  }

  const { items, page, totalPages } = invoices.data;
  const loadingNext = invoices.isPlaceholderData;

  return (
    <div className="flex flex-col gap-4">
      {filter}
      <div
        aria-busy={loadingNext}
        className={cn("transition-opacity", loadingNext && "opacity-60")}
      >
        {items.length === 0 && page > totalPages && totalPages > 0 ? (
          <PastTheEnd status={query.status} page={page} last={totalPages} />
        ) : items.length === 0 ? (
          <div className="flex flex-col items-center gap-3 rounded-xl border border-dashed bg-card px-6 py-12 text-center">
            <FileSearch aria-hidden="true" className="size-10 text-muted-foreground" />
            <h2 className="text-lg font-semibold">
              {query.status === "all"
                ? t("emptyTitle")
                : t("emptyWithStatus", { status: status(query.status) })}
            </h2>
            <p className="max-w-sm text-sm text-muted-foreground">
              {query.status === "all"
                ? page > 1
                  ? t("emptyPage")
                  : t("emptyFirst")
                : t("emptyFilter")}
            </p>
            {query.status !== "all" || page > 1 ? (
              <Button variant="outline" size="sm" onClick={() => setStatus("all")}>
                {t("showAll")}
              </Button>
            ) : null}
          </div>
        ) : (
          <>
            <InvoiceTable invoices={items} position={query} />
            <Pagination
              label={t("pagination")}
              page={page}
              totalPages={totalPages}
              busy={loadingNext}
              onPageChange={setPage}
            />
          </>
        )}
      </div>
    </div>
  );
}
