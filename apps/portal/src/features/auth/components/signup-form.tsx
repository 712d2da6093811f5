"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import {
  PREFECTURES,
  errorStatus,
  signupRequestSchema,
  type ErrorCode,
  type SignupRequest,
  type SignupRequestInput,
} from "@portal/domain";
import { Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, type ReactNode } from "react";
import { useForm, type Path } from "react-hook-form";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { HOME_PATH } from "@/config/routes";
import { PostcodeLookupButton } from "@/features/address/components/postcode-lookup-button";
import { useSignup } from "@/features/auth/hooks/use-signup";
import { isApiClientError } from "@/lib/api/api-client-error";
import { useErrorMessage } from "@/lib/errors/use-error-message";
import { serverErrorType, useFieldError } from "@/lib/validation/use-field-error";

/**
 * Request fields the form shows, in form order (family name first, as Japanese forms ask, then
 * the katakana readings: 姓 / 名 / セイ / メイ); a server `fields` key among them becomes that
 * field's error.
 */
const FORM_FIELDS: readonly Path<SignupRequestInput>[] = [
  "code",
  "customerNumber",
  "lastName",
  "firstName",
  "lastNameKana",
  "firstNameKana",
  "phone",
  "password",
  "address.postcode",
  "address.prefecture",
  "address.city",
  "address.street",
  "address.building",
];

function isFormField(key: string): key is Path<SignupRequestInput> {
  return (FORM_FIELDS as readonly string[]).includes(key);
}

/**
 * The form fields a failed signup points at, in form order, each with the error code whose
 * localized message it shows: every `fields` entry the form shows (the code for
 * `SIGNUP_CODE_*`, customer number and phone for `SIGNUP_DETAILS_NOT_MATCHED`), plus the customer
 * number for `ALREADY_REGISTERED` when the BFF named no field (docs/api.md). The email was fixed
 * in the first step, so `EMAIL_IN_USE` shows in the alert.
 */
function fieldErrorsOf(error: unknown): [Path<SignupRequestInput>, ErrorCode][] {
  if (!isApiClientError(error)) return [];
  const found = new Set<Path<SignupRequestInput>>(Object.keys(error.fields).filter(isFormField));
  if (error.code === "ALREADY_REGISTERED") found.add("customerNumber");
  return FORM_FIELDS.filter((key) => found.has(key)).map((key) => [key, error.code]);
}

/** The code of a failure that no field explains: the BFF's, or `INTERNAL` for anything else. */
function codeOf(error: unknown): ErrorCode {
  return isApiClientError(error) ? error.code : "INTERNAL";
}

/**
 * The second step of sign-up for an existing customer, once a code went to `email`: the code
 * from the e-mail, the customer number from the contract and the phone on it (together they
 * prove the contract, decision 0037), names (family name first) and their katakana readings
 * (hiragana and half-width kana accepted), a password and the service address in Japanese order
 * (postcode, prefecture, city, street, building). `codeSent` above the fields says where the code
 * went and offers a new one. Validates with the domain's `signupRequestSchema`, which also
 * accepts full-width digits; messages are shown in the page's language (`useFieldError`). Server
 * errors land on their fields (`fields`, or the customer number for `ALREADY_REGISTERED`),
 * anything else in an alert. On success the customer is signed in and goes to the dashboard.
 */
export function SignupForm({ email, codeSent }: { email: string; codeSent: ReactNode }) {
  const router = useRouter();
  const signup = useSignup();
  const t = useTranslations("signup");
  const prefectureName = useTranslations("prefectures");
  const fieldError = useFieldError("signup");
  const message = useErrorMessage();
  const form = useForm<SignupRequestInput, unknown, SignupRequest>({
    resolver: zodResolver(signupRequestSchema),
    defaultValues: {
      customerNumber: "",
      lastName: "",
      firstName: "",
      lastNameKana: "",
      firstNameKana: "",
      email,
      code: "",
      phone: "",
      password: "",
      address: { postcode: "", city: "", street: "", building: "" },
    },
  });
  const { errors } = form.formState;
  const busy = signup.isPending || signup.isSuccess;

  // The fieldset is disabled while the request runs, so the first field in error can only take
  // focus once it has ended.
  useEffect(() => {
    if (busy) return;
    const first = fieldErrorsOf(signup.error)[0];
    if (first) form.setFocus(first[0]);
  }, [busy, signup.error, form]);

  const onSubmit = form.handleSubmit((values) => {
    form.clearErrors("root");
    signup.mutate(values, {
      onSuccess: () => router.replace(HOME_PATH),
      onError: (error) => {
        const fieldErrors = fieldErrorsOf(error);
        for (const [key, code] of fieldErrors) form.setError(key, { type: serverErrorType(code) });
        if (fieldErrors.length > 0) return;
        form.setError("root.server", { type: serverErrorType(codeOf(error)) });
      },
    });
  });

  // A failure no field explains: "try again later" when the fault is ours or upstream's.
  const rootMessage = errors.root?.server
    ? errorStatus[codeOf(signup.error)] >= 500
      ? t("unavailableText")
      : message.forError(signup.error)
    : null;

  return (
    <form onSubmit={onSubmit} noValidate aria-busy={busy}>
      <fieldset disabled={busy} className="flex flex-col gap-6">
        <legend className="sr-only">{t("legend")}</legend>
        {codeSent}
        {rootMessage ? (
          <Alert tone="destructive">
            <AlertTitle>{t("failedTitle")}</AlertTitle>
            <AlertDescription>{rootMessage}</AlertDescription>
          </Alert>
        ) : null}
        <FormField
          label={t("code")}
          description={t("codeHint")}
          error={fieldError("code", errors.code)}
        >
          <Input
            autoComplete="one-time-code"
            inputMode="numeric"
            spellCheck={false}
            autoFocus
            {...form.register("code")}
          />
        </FormField>

        <section aria-labelledby="signup-account-heading" className="flex flex-col gap-4">
          <h2
            id="signup-account-heading"
            className="text-sm font-semibold tracking-wide text-primary uppercase"
          >
            {t("accountHeading")}
          </h2>
          <FormField
            label={t("customerNumber")}
            description={t("customerNumberHint")}
            error={fieldError("customerNumber", errors.customerNumber)}
          >
            <Input
              autoComplete="off"
              inputMode="numeric"
              spellCheck={false}
              {...form.register("customerNumber")}
            />
          </FormField>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField label={t("lastName")} error={fieldError("lastName", errors.lastName)}>
              <Input autoComplete="family-name" {...form.register("lastName")} />
            </FormField>
            <FormField label={t("firstName")} error={fieldError("firstName", errors.firstName)}>
              <Input autoComplete="given-name" {...form.register("firstName")} />
            </FormField>
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
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
          <FormField
            label={t("phone")}
            description={t("phoneHint")}
            error={fieldError("phone", errors.phone)}
          >
            <Input type="tel" autoComplete="tel" {...form.register("phone")} />
          </FormField>
          <FormField
            label={t("password")}
            description={t("passwordHint")}
            error={fieldError("password", errors.password)}
          >
            <Input type="password" autoComplete="new-password" {...form.register("password")} />
          </FormField>
        </section>

        <section aria-labelledby="signup-address-heading" className="flex flex-col gap-4">
          <div>
            <h2
              id="signup-address-heading"
              className="text-sm font-semibold tracking-wide text-primary uppercase"
            >
              {t("addressHeading")}
            </h2>
            <p className="mt-1 text-[13px] text-muted-foreground">{t("addressLead")}</p>
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField
              label={t("postcode")}
              description={t("postcodeHint")}
              error={fieldError("address.postcode", errors.address?.postcode)}
            >
              <Input
                autoComplete="postal-code"
                inputMode="numeric"
                {...form.register("address.postcode")}
              />
            </FormField>
            <FormField
              label={t("prefecture")}
              error={fieldError("address.prefecture", errors.address?.prefecture)}
            >
              <Select
                autoComplete="address-level1"
                defaultValue=""
                {...form.register("address.prefecture")}
              >
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
            postcode={() => form.getValues("address.postcode")}
            onFound={(address) => {
              const filled = { shouldValidate: form.formState.isSubmitted, shouldDirty: true };
              form.setValue("address.prefecture", address.prefecture, filled);
              form.setValue("address.city", address.city, filled);
              form.setValue("address.street", address.town, filled);
              form.setFocus("address.street");
            }}
          />
          <FormField
            label={t("city")}
            description={t("cityHint")}
            error={fieldError("address.city", errors.address?.city)}
          >
            <Input autoComplete="address-level2" {...form.register("address.city")} />
          </FormField>
          <FormField
            label={t("street")}
            description={t("streetHint")}
            error={fieldError("address.street", errors.address?.street)}
          >
            <Input autoComplete="address-line1" {...form.register("address.street")} />
          </FormField>
          <FormField
            label={t("building")}
            description={t("buildingHint")}
            error={fieldError("address.building", errors.address?.building)}
          >
            <Input autoComplete="address-line2" {...form.register("address.building")} />
          </FormField>
        </section>

        <Button type="submit" size="lg" className="w-full">
          {busy ? <Loader2 aria-hidden="true" className="animate-spin" /> : null}
          {t("submit")}
        </Button>
      </fieldset>
    </form>
  );
}
