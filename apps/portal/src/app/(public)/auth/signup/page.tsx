import { type Metadata } from "next";
import Link from "next/link";
import { AuthShell } from "@/components/layout/auth-shell";
import { SIGN_IN_PATH } from "@/config/routes";
import { siteConfig } from "@/config/site";
import { SignupForm } from "@/features/auth/components/signup-form";

export const metadata: Metadata = { title: "Create account" };

/** `/auth/signup`: account creation for existing customers. */
export default function SignupPage() {
  return (
    <AuthShell
      wide
      title={`Create your ${siteConfig.portalName} account`}
      description="You'll need the customer number printed on your contract."
      footer={
        <>
          Already registered?{" "}
          <Link
            href={SIGN_IN_PATH}
            className="font-semibold text-primary underline-offset-4 hover:underline"
          >
            Sign in
          </Link>
        </>
      }
    >
      <SignupForm />
    </AuthShell>
  );
}
