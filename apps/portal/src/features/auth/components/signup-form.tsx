"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import {
  PREFECTURES,
  signupRequestSchema,
  type SignupRequest,
  type SignupRequestInput,
} from "@portal/domain";
import { Loader2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useForm, type Path } from "react-hook-form";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { HOME_PATH } from "@/config/routes";
import { useSignup } from "@/features/auth/hooks/use-signup";
import { isApiClientError } from "@/lib/api/api-client-error";

/** Request fields the form shows; a server `fields` key among them becomes that field's error. */
const FORM_FIELDS: readonly Path<SignupRequestInput>[] = [
  "customerNumber",
  "firstName",
  "lastName",
  "email",
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
 * The form fields a failed signup points at, in form order: every `fields` entry the form
 * shows, plus the customer number for `CUSTOMER_NUMBER_NOT_FOUND` / `ALREADY_REGISTERED` and the
 * email for `EMAIL_IN_USE` when the BFF named no field (docs/api.md).
 */
function fieldErrorsOf(error: unknown): [Path<SignupRequestInput>, string][] {
  if (!isApiClientError(error)) return [];
  const found = new Map<Path<SignupRequestInput>, string>();
  for (const [key, message] of Object.entries(error.fields)) {
    if (isFormField(key)) found.set(key, message);
  }
  if (error.code === "CUSTOMER_NUMBER_NOT_FOUND" || error.code === "ALREADY_REGISTERED") {
    if (!found.has("customerNumber")) found.set("customerNumber", error.message);
  }
  if (error.code === "EMAIL_IN_USE" && !found.has("email")) found.set("email", error.message);
  return FORM_FIELDS.filter((key) => found.has(key)).map((key) => [key, found.get(key) ?? ""]);
}

/**
 * Sign-up for an existing customer: the customer number from the contract, names, contact
 * details, a password and the service address. Validates with the domain's
 * `signupRequestSchema`; server errors land on their fields (`fields`, or the customer number
 * for 404/409 and the email for `EMAIL_IN_USE`), anything else in an alert. On success the
 * customer is signed in and goes to the dashboard.
 */
export function SignupForm() {
  const router = useRouter();
  const signup = useSignup();
  const form = useForm<SignupRequestInput, unknown, SignupRequest>({
    resolver: zodResolver(signupRequestSchema),
    defaultValues: {
      customerNumber: "",
      firstName: "",
      lastName: "",
      email: "",
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
        for (const [key, message] of fieldErrors) form.setError(key, { type: "server", message });
        if (fieldErrors.length > 0) return;
        const upstream = !isApiClientError(error) || error.status === 0 || error.status >= 500;
        form.setError("root.server", {
          message: upstream
            ? "We couldn't create your account right now. Please try again in a moment."
            : error.message,
        });
      },
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-busy={busy}>
      <fieldset disabled={busy} className="flex flex-col gap-6">
        <legend className="sr-only">Create your account</legend>
        {errors.root?.server ? (
          <Alert tone="destructive">
            <AlertTitle>Couldn&apos;t create your account</AlertTitle>
            <AlertDescription>{errors.root.server.message}</AlertDescription>
          </Alert>
        ) : null}

        <section aria-labelledby="signup-account-heading" className="flex flex-col gap-4">
          <h2
            id="signup-account-heading"
            className="text-sm font-semibold tracking-wide text-primary uppercase"
          >
            Your account
          </h2>
          <FormField
            label="Customer number"
            description="6 to 10 digits, printed on your contract."
            error={errors.customerNumber?.message}
          >
            <Input
              autoComplete="off"
              inputMode="numeric"
              spellCheck={false}
              {...form.register("customerNumber")}
            />
          </FormField>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField label="First name" error={errors.firstName?.message}>
              <Input autoComplete="given-name" {...form.register("firstName")} />
            </FormField>
            <FormField label="Last name" error={errors.lastName?.message}>
              <Input autoComplete="family-name" {...form.register("lastName")} />
            </FormField>
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField label="Email" error={errors.email?.message}>
              <Input
                type="email"
                autoComplete="email"
                inputMode="email"
                spellCheck={false}
                {...form.register("email")}
              />
            </FormField>
            <FormField
              label="Phone"
              description="For example 090-1234-5678."
              error={errors.phone?.message}
            >
              <Input type="tel" autoComplete="tel" {...form.register("phone")} />
            </FormField>
          </div>
          <FormField
            label="Password"
            description="At least 10 characters, with at least one letter and one digit."
            error={errors.password?.message}
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
              Service address
            </h2>
            <p className="mt-1 text-[13px] text-muted-foreground">
              Where your service is installed. Invoices use this address.
            </p>
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField
              label="Postcode"
              description="7 digits, e.g. 150-0001."
              error={errors.address?.postcode?.message}
            >
              <Input
                autoComplete="postal-code"
                inputMode="numeric"
                {...form.register("address.postcode")}
              />
            </FormField>
            <FormField label="Prefecture" error={errors.address?.prefecture?.message}>
              <Select
                autoComplete="address-level1"
                defaultValue=""
                {...form.register("address.prefecture")}
              >
                <option value="" disabled>
                  Choose a prefecture
                </option>
                {PREFECTURES.map((prefecture) => (
                  <option key={prefecture} value={prefecture}>
                    {prefecture}
                  </option>
                ))}
              </Select>
            </FormField>
          </div>
          <FormField
            label="City / ward"
            description="For example Shibuya-ku."
            error={errors.address?.city?.message}
          >
            <Input autoComplete="address-level2" {...form.register("address.city")} />
          </FormField>
          <FormField
            label="Street address"
            description="Area, block and building number, e.g. Jingumae 1-2-3."
            error={errors.address?.street?.message}
          >
            <Input autoComplete="address-line1" {...form.register("address.street")} />
          </FormField>
          <FormField
            label="Building / room"
            description="Optional."
            error={errors.address?.building?.message}
          >
            <Input autoComplete="address-line2" {...form.register("address.building")} />
          </FormField>
        </section>

        <Button type="submit" size="lg" className="w-full">
          {busy ? <Loader2 aria-hidden="true" className="animate-spin" /> : null}
          Create account
        </Button>
      </fieldset>
    </form>
  );
}
