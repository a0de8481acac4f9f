import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules", "test-results"] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    files: ["e2e/**/*.mjs", "vite.config.ts", "eslint.config.js"],
    languageOptions: {
      globals: { process: "readonly", Buffer: "readonly", console: "readonly", setTimeout: "readonly", document: "readonly", sessionStorage: "readonly", performance: "readonly", getComputedStyle: "readonly", URLSearchParams: "readonly" },
    },
  },
);
