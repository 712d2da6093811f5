"use client";

import { type SignupStartResponse } from "@portal/domain";
import { useState } from "react";
import { SignupCodeSent } from "@/features/auth/components/signup-code-sent";
import { SignupEmailStep } from "@/features/auth/components/signup-email-step";
import { SignupForm } from "@/features/auth/components/signup-form";

/** Where the code went, once the first step succeeded. */
interface CodeSent {
  email: string;
  sent: SignupStartResponse;
}

/**
 * Sign-up in two steps (issue 5 §3; decision 0037): the e-mail address, which receives a code
 * ({@link SignupEmailStep}); then "we sent a code" with a resend ({@link SignupCodeSent}) above
 * the rest of the form with the code ({@link SignupForm}). "Use a different address" goes back to
 * the first step with the address filled in.
 */
export function SignupFlow() {
  const [codeSent, setCodeSent] = useState<CodeSent | null>(null);
  const [lastEmail, setLastEmail] = useState("");

  if (!codeSent) {
    return (
      <SignupEmailStep
        defaultEmail={lastEmail}
        onSent={(email, sent) => {
          setLastEmail(email);
          setCodeSent({ email, sent });
        }}
      />
    );
  }
  return (
    <SignupForm
      key={codeSent.email}
      email={codeSent.email}
      codeSent={
        <SignupCodeSent
          email={codeSent.email}
          sent={codeSent.sent}
          onChangeEmail={() => setCodeSent(null)}
        />
      }
    />
  );
}
