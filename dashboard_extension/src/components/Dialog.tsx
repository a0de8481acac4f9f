import { Text } from "@saleor/macaw-ui";
import { useEffect, useId, useRef, type ReactNode } from "react";
import { createPortal } from "react-dom";

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((node) => !node.hidden);
}

function canFocus(node: Element | null): node is HTMLElement {
  return (
    node instanceof HTMLElement &&
    node !== document.body &&
    node.isConnected &&
    !(node as HTMLButtonElement).disabled &&
    node.getAttribute("aria-hidden") !== "true"
  );
}

/**
 * A modal dialog: labelled by its title, Tab and Shift+Tab stay inside, Esc closes, and focus
 * goes back where it was when it closes (or to `fallbackFocus` when that is gone or disabled).
 * Its first field takes focus, else its first button.
 */
export function Dialog({
  title,
  description,
  onClose,
  children,
  fallbackFocus,
  className,
}: {
  title: string;
  description?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  fallbackFocus?: () => HTMLElement | null;
  className?: string;
}) {
  const titleId = useId();
  const descriptionId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  const fallback = useRef(fallbackFocus);
  fallback.current = fallbackFocus;

  useEffect(() => {
    const opener = document.activeElement;
    const root = panel.current;
    if (root) {
      const field = root.querySelector<HTMLElement>("textarea, input:not([type=hidden]), select");
      (field ?? focusables(root)[0] ?? root).focus();
    }
    return () => {
      // After the dialog is gone, so the opener can be enabled again by the same render.
      window.setTimeout(() => {
        if (canFocus(opener)) opener.focus();
        else fallback.current?.()?.focus();
      }, 0);
    };
  }, []);

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Escape") {
      event.stopPropagation();
      close.current();
      return;
    }
    if (event.key !== "Tab" || !panel.current) return;
    const items = focusables(panel.current);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <div className="desk-dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        tabIndex={-1}
        className={className ? `desk-dialog ${className}` : "desk-dialog"}
        onKeyDown={onKeyDown}
      >
        <Text as="h2" size={6} fontWeight="bold" id={titleId} className="desk-dialog-title">
          {title}
        </Text>
        {description ? (
          <div id={descriptionId} className="desk-dialog-description">
            {description}
          </div>
        ) : null}
        {children}
      </div>
    </div>,
    document.body,
  );
}
