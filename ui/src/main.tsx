import "@mantine/core/styles.css";
import "@fontsource/noto-sans-arabic/400.css";
import "@fontsource/noto-sans-arabic/600.css";
import "@fontsource/noto-sans-arabic/700.css";
import "@fontsource/noto-naskh-arabic/400.css";
import "@fontsource/noto-sans/400.css";
import "@fontsource/noto-sans/600.css";
import "./app.css";
import { MantineProvider, createTheme } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { I18nProvider } from "./i18n";

// Noto Sans Arabic for the interface, Noto Sans for Latin runs; both bundled so text
// renders the same on every desk (system Arabic fonts vary and some misplace marks).
const theme = createTheme({
  fontFamily: "'Noto Sans Arabic', 'Noto Sans', sans-serif",
  headings: { fontFamily: "'Noto Sans Arabic', 'Noto Sans', sans-serif" },
  primaryColor: "teal",
  defaultRadius: "md",
});

const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 5_000, retry: false, refetchOnWindowFocus: false } },
});

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <QueryClientProvider client={queryClient}>
        <I18nProvider>
          <App />
        </I18nProvider>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
