import { FileQuestion } from "lucide-react";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { SupportContact } from "@/components/layout/support-contact";

/** Body of the `not-found.tsx` pages: a heading, a sentence, the way back and the support contact. */
export function NotFoundMessage({
  title,
  description,
  backHref,
  backLabel,
}: {
  title: string;
  description: string;
  backHref: string;
  backLabel: string;
}) {
  return (
    <div className="flex flex-col items-center gap-4 rounded-xl border bg-card px-6 py-14 text-center shadow-sm">
      <FileQuestion aria-hidden="true" className="size-12 text-muted-foreground" />
      <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
      <p className="max-w-md text-muted-foreground">{description}</p>
      <Link href={backHref} className={buttonVariants({ variant: "outline" })}>
        {backLabel}
      </Link>
      <SupportContact heading className="mt-2 items-center border-t pt-4" />
    </div>
  );
}
