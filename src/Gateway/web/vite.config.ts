import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// `npm run dev` serves the SPA on 5173 and passes gRPC-Web calls ("/crm.<area>.v1.<Service>/<Method>") to a gateway
// started by ./crm.sh run (web port 8080, or CRM_GATEWAY_URL).
export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false },
  server: {
    proxy: { "^/crm\\.": process.env.CRM_GATEWAY_URL ?? "http://localhost:8080" },
  },
});
