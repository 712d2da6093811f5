"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import {
  PREFECTURES,
  addressUpdateSchema,
  errorStatus,
  type Address,
  type AddressInput,
  type AddressUpdate,
} from "@portal/domain";
import { Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useForm, type Path } from "react-hook-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { PostcodeLookupButton } from "@/features/address/components/postcode-lookup-button";
import { useUpdateAddress } from "@/features/account/hooks/use-update-address";
import { isApiClientError } from "@/lib/api/api-client-error";
import { useErrorMessage } from "@/lib/errors/use-error-message";
import { serverErrorType, useFieldError } from "@/lib/validation/use-field-error";

const FIELDS: readonly Path<AddressInput>[] = [
  "postcode",
  "prefecture",
  "city",
  "street",
  "building",
];

/**
 * The address form of `/account`, in Japanese order (postcode with "Find address", prefecture,
 * city, street, building), prefilled with the current address. Validates with the domain's
 * `addressUpdateSchema` (full-width digits accepted); the BFF's `fields` land on their fields,
 * anything else in an alert; success is announced and ends editing (`onDone`).
 */
export function AddressForm({
  current,
  onDone,
}: {
  current: Address | null;
  onDone: (saved: boolean) => void;
}) {
  const t = useTranslations("accountPage");
  const prefectureName = useTranslations("prefectures");
  const fieldError = useFieldError("accountAddress");
  const message = useErrorMessage();
  const update = useUpdateAddress();
  const form = useForm<AddressInput, unknown, AddressUpdate>({
    resolver: zodResolver(addressUpdateSchema),
    defaultValues: current ?? { postcode: "", city: "", street: "", building: "" },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) => {
    form.clearErrors("root");
    update.mutate(values, {
      onSuccess: () => onDone(true),
      onError: (error) => {
        const named = isApiClientError(error)
          ? FIELDS.filter((field) => field in error.fields)
          : [];
        for (const field of named)
          form.setError(field, { type: serverErrorType("VALIDATION_FAILED") });
        if (named.length === 0) form.setError("root.server", { type: "server" });
      },
    });
  });

  const rootMessage = errors.root?.server
    ? isApiClientError(update.error) && errorStatus[update.error.code] < 500
      ? message.forError(update.error)
      : t("saveFailed")
    : null;

  return (
    <form onSubmit={onSubmit} noValidate aria-busy={update.isPending}>
      <fieldset disabled={update.isPending} className="flex flex-col gap-4">
        <legend className="sr-only">{t("addressLegend")}</legend>
        {rootMessage ? (
          <Alert tone="destructive">
            <AlertDescription>{rootMessage}</AlertDescription>
          </Alert>
        ) : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField
            label={t("postcode")}
            description={t("postcodeHint")}
            error={fieldError("postcode", errors.postcode)}
          >
            <Input autoComplete="postal-code" inputMode="numeric" {...form.register("postcode")} />
          </FormField>
          <FormField label={t("prefecture")} error={fieldError("prefecture", errors.prefecture)}>
            <Select autoComplete="address-level1" {...form.register("prefecture")}>
              <option value="" disabled>
                {t("choosePrefecture")}
              </option>
              {PREFECTURES.map((prefecture) => (
                <option key={prefecture} value={prefecture}>
                  {prefectureName(prefecture)}
                </option>
              ))}
            </Select>
          </FormField>
        </div>
        <PostcodeLookupButton
          postcode={() => form.getValues("postcode")}
          onFound={(address) => {
            const filled = { shouldValidate: form.formState.isSubmitted, shouldDirty: true };
            form.setValue("prefecture", address.prefecture, filled);
            form.setValue("city", address.city, filled);
            form.setValue("street", address.town, filled);
            form.setFocus("street");
          }}
        />
        <FormField label={t("city")} error={fieldError("city", errors.city)}>
          <Input autoComplete="address-level2" {...form.register("city")} />
        </FormField>
        <FormField
          label={t("street")}
          description={t("streetHint")}
          error={fieldError("street", errors.street)}
        >
          <Input autoComplete="address-line1" {...form.register("street")} />
        </FormField>
        <FormField
          label={t("building")}
          description={t("buildingHint")}
          error={fieldError("building", errors.building)}
        >
          <Input autoComplete="address-line2" {...form.register("building")} />
        </FormField>
        <div className="flex flex-wrap gap-3">
          <Button type="submit">
            {update.isPending ? <Loader2 aria-hidden="true" className="animate-spin" /> : null}
            {t("saveAddress")}
          </Button>
          <Button type="button" variant="ghost" onClick={() => onDone(false)}>
            {t("cancel")}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
