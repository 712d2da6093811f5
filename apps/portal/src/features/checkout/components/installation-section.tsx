"use client";

import { installationDateWindow, installationTimeSlotSchema } from "@portal/domain";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { ChoiceOption } from "@/features/checkout/components/choice-option";
import { type CheckoutForm } from "@/features/checkout/model/checkout-form-values";
import { useFormat } from "@/lib/format/use-format";
import { useFieldError } from "@/lib/validation/use-field-error";

/**
 * When the installer may come: a first-choice date and an optional second one, both within the
 * window the line provider allows (`installationDateWindow`: from two weeks to three months
 * ahead, Japan's calendar), and a time slot. Staff confirm the real date.
 */
export function InstallationSection({ form }: { form: CheckoutForm }) {
  const t = useTranslations("checkout");
  const format = useFormat();
  const fieldError = useFieldError("checkout");
  // The window is fixed when the form opens, as the dates offered in the pickers.
  const [window] = useState(() => installationDateWindow(new Date()));
  const errors = form.formState.errors.installation;
  const range = t("installationWindow", {
    earliest: format.date(window.earliest),
    latest: format.date(window.latest),
  });
  return (
    <>
      <p className="text-muted-foreground">{t("installationLead")}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          label={t("firstChoice")}
          description={range}
          error={fieldError("installation.firstChoice", errors?.firstChoice)}
        >
          <Input
            type="date"
            min={window.earliest}
            max={window.latest}
            {...form.register("installation.firstChoice")}
          />
        </FormField>
        <FormField
          label={t("secondChoice")}
          description={t("secondChoiceHint")}
          error={fieldError("installation.secondChoice", errors?.secondChoice)}
        >
          <Input
            type="date"
            min={window.earliest}
            max={window.latest}
            {...form.register("installation.secondChoice")}
          />
        </FormField>
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 font-medium">{t("timeSlotLegend")}</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {installationTimeSlotSchema.options.map((slot) => (
            <ChoiceOption
              key={slot}
              type="radio"
              value={slot}
              {...form.register("installation.timeSlot")}
              label={t(`timeSlot.${slot}`)}
            />
          ))}
        </div>
      </fieldset>
    </>
  );
}
