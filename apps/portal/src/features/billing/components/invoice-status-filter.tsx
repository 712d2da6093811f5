"use client";

import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { INVOICE_STATUS_LABEL } from "@/features/billing/components/invoice-status-badge";
import { type InvoiceStatusFilter } from "@/features/billing/hooks/use-invoice-list-search-params";

/** The statuses customers filter by, in menu order. */
const FILTER_OPTIONS: { value: InvoiceStatusFilter; label: string }[] = [
  { value: "all", label: "All" },
  ...(["unpaid", "overdue", "paid", "cancelled", "refunded"] as const).map((status) => ({
    value: status,
    label: INVOICE_STATUS_LABEL[status],
  })),
];

/** The "Status" filter of the invoice list (a native select: Playwright `selectOption` works). */
export function InvoiceStatusFilter({
  value,
  onChange,
}: {
  value: InvoiceStatusFilter;
  onChange: (value: InvoiceStatusFilter) => void;
}) {
  return (
    <FormField label="Status" className="w-full sm:w-52">
      <Select
        value={value}
        onChange={(event) => {
          const option = FILTER_OPTIONS.find((candidate) => candidate.value === event.target.value);
          if (option) onChange(option.value);
        }}
      >
        {FILTER_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </FormField>
  );
}
