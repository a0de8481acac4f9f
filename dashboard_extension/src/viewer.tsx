import { createContext, useContext } from "react";

import type { Viewer } from "./api/types";

export const ViewerContext = createContext<Viewer | null>(null);

/** The signed-in agent as the API sees them (`supportViewer`); null until known. */
export function useViewer(): Viewer | null {
  return useContext(ViewerContext);
}
