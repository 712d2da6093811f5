"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import {
  PREFECTURES,
  addressSchema,
  errorStatus,
  type Address,
  type AddressInput,
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
import { useRequestEligibility } from "@/features/eligibility/hooks/use-request-eligibility";
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
 * The address to check for fibre, in Japanese order (postcode with "Find address", prefecture,
 * city, street, building), prefilled with the customer's address and editable. Validates with the
 * domain's `addressSchema`, sends `POST /api/eligibility` `{ address }`; the BFF's
 * `address.<field>` errors land on their fields, anything else (already asked, Salesforce down)
 * in an alert. `onRequested` runs once the request is taken; `onCancel`, when given, shows a
 * cancel button.
 */
export function EligibilityRequestForm({
  initial,
  onRequested,
  onCancel,
}: {
  initial: Address | null;
  onRequested: () => void;
  onCancel?: () => void;
}) {
  const t = useTranslations("eligibility");
  const address = useTranslations("accountPage");
  const prefectureName = useTranslations("prefectures");
  const fieldError = useFieldError("accountAddress");
  const message = useErrorMessage();
  const request = useRequestEligibility();
  const form = useForm<AddressInput, unknown, Address>({
    resolver: zodResolver(addressSchema),
    defaultValues: initial ?? { postcode: "", city: "", street: "", building: "" },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) => {
    form.clearErrors("root");
    request.mutate(
      { address: values },
      {
        onSuccess: onRequested,
        onError: (error) => {
          const named = isApiClientError(error)
            ? FIELDS.filter((field) => `address.${field}` in error.fields)
            : [];
          for (const field of named)
            form.setError(field, { type: serverErrorType("VALIDATION_FAILED") });
          if (named.length === 0) form.setError("root.server", { type: "server" });
        },
      },
    );
  });

  const rootMessage = errors.root?.server
    ? isApiClientError(request.error) && errorStatus[request.error.code] < 500
      ? message.forError(request.error)
      : t("requestFailed")
    : null;

  return (
    <form onSubmit={onSubmit} noValidate aria-busy={request.isPending}>
      <fieldset disabled={request.isPending} className="flex flex-col gap-4">
        <legend className="mb-2 text-sm">{t("formLegend")}</legend>
        {rootMessage ? (
          <Alert tone="destructive">
            <AlertDescription>{rootMessage}</AlertDescription>
          </Alert>
        ) : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField
            label={address("postcode")}
            description={address("postcodeHint")}
            error={fieldError("postcode", errors.postcode)}
          >
            <Input autoComplete="postal-code" inputMode="numeric" {...form.register("postcode")} />
          </FormField>
          <FormField
            label={address("prefecture")}
            error={fieldError("prefecture", errors.prefecture)}
          >
            <Select autoComplete="address-level1" {...form.register("prefecture")}>
              <option value="" disabled>
                {address("choosePrefecture")}
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
          onFound={(found) => {
            const filled = { shouldValidate: form.formState.isSubmitted, shouldDirty: true };
            form.setValue("prefecture", found.prefecture, filled);
            form.setValue("city", found.city, filled);
            form.setValue("street", found.town, filled);
            form.setFocus("street");
          }}
        />
        <FormField label={address("city")} error={fieldError("city", errors.city)}>
          <Input autoComplete="address-level2" {...form.register("city")} />
        </FormField>
        <FormField
          label={address("street")}
          description={address("streetHint")}
          error={fieldError("street", errors.street)}
        >
          <Input autoComplete="address-line1" {...form.register("street")} />
        </FormField>
        <FormField
          label={address("building")}
          description={address("buildingHint")}
          error={fieldError("building", errors.building)}
        >
          <Input autoComplete="address-line2" {...form.register("building")} />
        </FormField>
        <div className="flex flex-wrap gap-3">
          <Button type="submit">
            {request.isPending ? <Loader2 aria-hidden="true" className="animate-spin" /> : null}
            {t("submit")}
          </Button>
          {onCancel ? (
            <Button type="button" variant="ghost" onClick={onCancel}>
              {address("cancel")}
            </Button>
          ) : null}
        </div>
      </fieldset>
    </form>
  );
}
