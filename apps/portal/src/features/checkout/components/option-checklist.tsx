"use client";

import { type CatalogItem } from "@portal/domain";
import { useWatch } from "react-hook-form";
import { CatalogPriceBlock } from "@/features/catalog/components/catalog-price";
import { ChoiceOption } from "@/features/checkout/components/choice-option";
import { type CheckoutForm } from "@/features/checkout/model/checkout-form-values";
import { useFormat } from "@/lib/format/use-format";

/**
 * Options to tick (add-ons or voice options) as a labelled group; each ticked option's id is
 * kept in `field` (an id array, in catalog order). Nothing when there are no options.
 */
export function OptionChecklist({
  form,
  field,
  legend,
  options,
}: {
  form: CheckoutForm;
  field: "addOnIds" | "voiceOptionIds";
  legend: string;
  options: readonly CatalogItem[];
}) {
  const chosen = useWatch({ control: form.control, name: field });
  const { text } = useFormat();
  if (options.length === 0) return null;
  const toggle = (id: string, checked: boolean) => {
    const next = options
      .map((option) => option.id)
      .filter((candidate) => (candidate === id ? checked : chosen.includes(candidate)));
    form.setValue(field, next, { shouldDirty: true, shouldValidate: form.formState.isSubmitted });
  };
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-2 font-medium">{legend}</legend>
      {options.map((option) => (
        <ChoiceOption
          key={option.id}
          type="checkbox"
          name={field}
          value={option.id}
          checked={chosen.includes(option.id)}
          onChange={(event) => toggle(option.id, event.target.checked)}
          label={text(option.name)}
          description={option.description ? text(option.description) : undefined}
          aside={<CatalogPriceBlock price={option.price} className="items-end" />}
        />
      ))}
    </fieldset>
  );
}
