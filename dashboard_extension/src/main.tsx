import "@saleor/macaw-ui/style";
import "./styles.css";

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { App } from "./App";
import { readConfig } from "./config";
import { createBridge, detectMode } from "./session";

const mode = detectMode();
const bridge = createBridge(mode);
const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App config={readConfig()} mode={mode} bridge={bridge} />
    </StrictMode>,
  );
}
