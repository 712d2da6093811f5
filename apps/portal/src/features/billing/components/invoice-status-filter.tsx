"use client";

import { useTranslations } from "next-intl";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { type InvoiceStatusFilter } from "@/features/billing/hooks/use-invoice-list-search-params";

/** The statuses customers filter by, in menu order. */
const FILTER_OPTIONS = ["all", "unpaid", "overdue", "paid", "cancelled", "refunded"] as const;

/** The "Status" filter of the invoice list (a native select: Playwright `selectOption` works). */
export function InvoiceStatusFilter({
  value,
  onChange,
}: {
  value: InvoiceStatusFilter;
  onChange: (value: InvoiceStatusFilter) => void;
}) {
  const t = useTranslations("invoices");
  const status = useTranslations("invoiceStatus");
  return (
    <FormField label={t("filterLabel")} className="w-full sm:w-52">
      <Select
        value={value}
        onChange={(event) => {
          const option = FILTER_OPTIONS.find((candidate) => candidate === event.target.value);
          if (option) onChange(option);
        }}
      >
        {FILTER_OPTIONS.map((option) => (
          <option key={option} value={option}>
            {option === "all" ? t("filterAll") : status(option)}
          </option>
        ))}
      </Select>
    </FormField>
  );
}
