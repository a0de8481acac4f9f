// An entry script of its own (see vite.config.ts), run before the app's bundle.
import { startInboxPrefetch } from "./inboxPrefetch";

startInboxPrefetch();
