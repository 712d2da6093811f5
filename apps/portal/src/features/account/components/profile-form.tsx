"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import {
  errorStatus,
  profileUpdateSchema,
  type CustomerProfile,
  type ProfileUpdate,
} from "@portal/domain";
import { Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { type z } from "zod";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useUpdateProfile } from "@/features/account/hooks/use-update-profile";
import { isApiClientError } from "@/lib/api/api-client-error";
import { useErrorMessage } from "@/lib/errors/use-error-message";
import { serverErrorType, useFieldError } from "@/lib/validation/use-field-error";

type ProfileInput = z.input<typeof profileUpdateSchema>;
const FIELDS = ["lastName", "firstName", "lastNameKana", "firstNameKana", "phone"] as const;

/**
 * The names, readings and phone form of `/account` (family name first: 姓 / 名 / セイ / メイ;
 * hiragana and half-width kana become katakana), prefilled with the current values
 * and validated with the domain's `profileUpdateSchema` (full-width digits accepted in the phone).
 * The BFF's `fields` land on their fields, anything else in an alert; `onDone(true)` after saving.
 */
export function ProfileForm({
  current,
  onDone,
}: {
  current: CustomerProfile;
  onDone: (saved: boolean) => void;
}) {
  const t = useTranslations("accountPage");
  const fieldError = useFieldError("accountProfile");
  const message = useErrorMessage();
  const update = useUpdateProfile();
  const form = useForm<ProfileInput, unknown, ProfileUpdate>({
    resolver: zodResolver(profileUpdateSchema),
    defaultValues: {
      lastName: current.lastName,
      firstName: current.firstName,
      lastNameKana: current.lastNameKana,
      firstNameKana: current.firstNameKana,
      phone: current.phone,
    },
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
        for (const field of named) {
          form.setError(field, { type: serverErrorType("VALIDATION_FAILED") });
        }
        if (named.length === 0) form.setError("root.server", { type: "server" });
      },
    });
  });

  const rootMessage = errors.root?.server
    ? isApiClientError(update.error) && errorStatus[update.error.code] < 500
      ? message.forError(update.error)
      : t("saveFailedProfile")
    : null;

  return (
    <form onSubmit={onSubmit} noValidate aria-busy={update.isPending}>
      <fieldset disabled={update.isPending} className="flex flex-col gap-4">
        <legend className="sr-only">{t("profileLegend")}</legend>
        {rootMessage ? (
          <Alert tone="destructive">
            <AlertDescription>{rootMessage}</AlertDescription>
          </Alert>
        ) : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField label={t("lastName")} error={fieldError("lastName", errors.lastName)}>
            <Input autoComplete="family-name" {...form.register("lastName")} />
          </FormField>
          <FormField label={t("firstName")} error={fieldError("firstName", errors.firstName)}>
            <Input autoComplete="given-name" {...form.register("firstName")} />
          </FormField>
          <FormField
            label={t("lastNameKana")}
            description={t("kanaHint")}
            error={fieldError("lastNameKana", errors.lastNameKana)}
          >
            <Input autoComplete="off" lang="ja" {...form.register("lastNameKana")} />
          </FormField>
          <FormField
            label={t("firstNameKana")}
            description={t("kanaHint")}
            error={fieldError("firstNameKana", errors.firstNameKana)}
          >
            <Input autoComplete="off" lang="ja" {...form.register("firstNameKana")} />
          </FormField>
        </div>
        <FormField label={t("phone")} error={fieldError("phone", errors.phone)}>
          <Input type="tel" autoComplete="tel" {...form.register("phone")} />
        </FormField>
        <div className="flex flex-wrap gap-3">
          <Button type="submit">
            {update.isPending ? <Loader2 aria-hidden="true" className="animate-spin" /> : null}
            {t("saveProfile")}
          </Button>
          <Button type="button" variant="ghost" onClick={() => onDone(false)}>
            {t("cancel")}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
