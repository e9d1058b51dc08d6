import { Component, type ReactNode } from 'react';

type Props = { onError: (error: unknown) => void; fallback: ReactNode; children: ReactNode };

/**
 * A screen that throws while rendering must not leave a blank kiosk: show the
 * calm fallback (which sends people to the window) and report the error class.
 */
export class ScreenErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    this.props.onError(error);
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
