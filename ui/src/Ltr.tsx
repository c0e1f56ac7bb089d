import type { ReactNode } from "react";

/** A left-to-right run (phone, e-mail, code) isolated inside right-to-left text. */
export function Ltr({ children }: { children: ReactNode }) {
  return (
    <bdi dir="ltr" className="ltr-run">
      {children}
    </bdi>
  );
}
