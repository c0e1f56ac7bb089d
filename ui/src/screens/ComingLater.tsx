import { Alert } from "@mantine/core";
import { useT } from "../i18n";

/** A section whose screens arrive with a later issue, labelled as such rather than faked. */
export function ComingLater() {
  const t = useT();
  return (
    <Alert color="gray" title={t("coming-later-title")} data-testid="coming-later" maw={560}>
      {t("coming-later-body")}
    </Alert>
  );
}
