"use client";

import { mnpGenderSchema } from "@portal/domain";
import { useTranslations } from "next-intl";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { type CheckoutForm } from "@/features/checkout/model/checkout-form-values";
import { useFieldError } from "@/lib/validation/use-field-error";

/**
 * What porting a number (MNP) needs, as the previous carrier issued it and the contract holder
 * is registered: the MNP reservation number and its expiry, the holder's name in kanji and in
 * katakana, birthday and gender (the fields the mobile network's porting request carries).
 */
export function MnpFields({ form }: { form: CheckoutForm }) {
  const t = useTranslations("checkout");
  const fieldError = useFieldError("checkout");
  const errors = form.formState.errors.mnp;
  return (
    <fieldset className="flex flex-col gap-4 rounded-lg border bg-muted/30 p-4">
      <legend className="px-1 font-medium">{t("mnpLegend")}</legend>
      <p className="text-muted-foreground">{t("mnpLead")}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          label={t("mnpReservation")}
          description={t("mnpReservationHint")}
          error={fieldError("mnp.reservationNumber", errors?.reservationNumber)}
        >
          <Input
            inputMode="numeric"
            autoComplete="off"
            {...form.register("mnp.reservationNumber")}
          />
        </FormField>
        <FormField label={t("mnpExpires")} error={fieldError("mnp.expiresOn", errors?.expiresOn)}>
          <Input type="date" {...form.register("mnp.expiresOn")} />
        </FormField>
        <FormField label={t("mnpLastName")} error={fieldError("mnp.lastName", errors?.lastName)}>
          <Input autoComplete="family-name" {...form.register("mnp.lastName")} />
        </FormField>
        <FormField label={t("mnpFirstName")} error={fieldError("mnp.firstName", errors?.firstName)}>
          <Input autoComplete="given-name" {...form.register("mnp.firstName")} />
        </FormField>
        <FormField
          label={t("mnpLastNameKana")}
          error={fieldError("mnp.lastNameKana", errors?.lastNameKana)}
        >
          <Input {...form.register("mnp.lastNameKana")} />
        </FormField>
        <FormField
          label={t("mnpFirstNameKana")}
          error={fieldError("mnp.firstNameKana", errors?.firstNameKana)}
        >
          <Input {...form.register("mnp.firstNameKana")} />
        </FormField>
        <FormField label={t("mnpBirthdate")} error={fieldError("mnp.birthdate", errors?.birthdate)}>
          <Input type="date" autoComplete="bday" {...form.register("mnp.birthdate")} />
        </FormField>
        <FormField label={t("mnpGender")} error={fieldError("mnp.gender", errors?.gender)}>
          <Select {...form.register("mnp.gender")}>
            <option value="" disabled>
              {t("chooseGender")}
            </option>
            {mnpGenderSchema.options.map((gender) => (
              <option key={gender} value={gender}>
                {t(`gender.${gender}`)}
              </option>
            ))}
          </Select>
        </FormField>
      </div>
    </fieldset>
  );
}
