"use client";

import { type CatalogItem, type SimCatalog } from "@portal/domain";
import { useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useCatalogLabels } from "@/features/catalog/components/use-catalog-labels";
import { ChoiceOption } from "@/features/checkout/components/choice-option";
import { MnpFields } from "@/features/checkout/components/mnp-fields";
import { type CheckoutForm, isVoicePlan } from "@/features/checkout/model/checkout-form-values";
import { useFormat } from "@/lib/format/use-format";
import { useFieldError } from "@/lib/validation/use-field-error";

/**
 * The SIM: physical card or eSIM (each with its issue fee); an eSIM asks for the device's EID
 * (32 digits, full-width accepted, where to find it underneath); a voice plan may keep the
 * customer's number (MNP), which opens the porting fields.
 */
export function SimSection({
  form,
  plan,
  catalog,
}: {
  form: CheckoutForm;
  plan: CatalogItem;
  catalog: SimCatalog;
}) {
  const t = useTranslations("checkout");
  const labels = useCatalogLabels();
  const format = useFormat();
  const fieldError = useFieldError("checkout");
  const simType = useWatch({ control: form.control, name: "simType" });
  const portNumber = useWatch({ control: form.control, name: "portNumber" });
  const { errors } = form.formState;
  return (
    <>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 font-medium">{t("simTypeLegend")}</legend>
        {catalog.simTypes.map((group) => {
          const fee = group.fees.reduce((sum, item) => sum + item.price.taxIncluded.amount, 0);
          return (
            <ChoiceOption
              key={group.simType}
              type="radio"
              value={group.simType}
              {...form.register("simType")}
              label={labels.simType(group.simType)}
              description={t(`simTypeNote.${group.simType}`)}
              aside={
                group.fees.length > 0 ? (
                  <span className="text-xs text-muted-foreground tabular-nums">
                    {t("issueFee", { amount: format.money({ amount: fee, currency: "JPY" }) })}
                  </span>
                ) : null
              }
            />
          );
        })}
      </fieldset>
      {simType === "esim" ? (
        <FormField
          label={t("eid")}
          description={t("eidHint")}
          error={fieldError("eid", errors.eid)}
        >
          <Input
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
            {...form.register("eid")}
          />
        </FormField>
      ) : null}
      {isVoicePlan(plan) ? (
        <div className="flex flex-col gap-3">
          <ChoiceOption
            type="checkbox"
            {...form.register("portNumber")}
            label={t("portNumber")}
            description={t("portNumberNote")}
          />
          {portNumber ? <MnpFields form={form} /> : null}
        </div>
      ) : null}
    </>
  );
}
