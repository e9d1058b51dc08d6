import { request, type ClientRequest } from 'node:http';

/**
 * An EventSource for Node (20 has none) that really connects to the browser
 * host's event stream but tells the page it is open only when the test says
 * so. The connection, its cookie and its answer are real; only the moment
 * the page hears `open` is the test's.
 */
export class HeldEventSource extends EventTarget {
  /** Every stream a page opened, newest last. */
  static readonly opened: HeldEventSource[] = [];
  /** The cookie a browser would send with the stream, set by the test. */
  static cookie = '';

  readonly url: string;
  /** The host's status for the stream request, once it answered. */
  readonly answered: Promise<number>;
  private readonly connection: ClientRequest;
  private status = 0;

  constructor(url: string | URL) {
    super();
    this.url = String(url);
    HeldEventSource.opened.push(this);
    let answer: (status: number) => void = () => undefined;
    this.answered = new Promise((resolve) => (answer = resolve));
    this.connection = request(this.url, { headers: { Accept: 'text/event-stream', Cookie: HeldEventSource.cookie } }, (res) => {
      this.status = res.statusCode ?? 0;
      res.resume();
      // A stream the host refused fails at once, as a browser's EventSource does.
      if (this.status !== 200) this.dispatchEvent(new Event('error'));
      answer(this.status);
    });
    this.connection.on('error', () => {
      this.dispatchEvent(new Event('error'));
      answer(0);
    });
    this.connection.end();
  }

  /** Tells the page the stream is open; only after the host really answered it. */
  release(): void {
    if (this.status !== 200) throw new Error(`the stream is not open: the host answered ${this.status || 'nothing yet'}`);
    this.dispatchEvent(new Event('open'));
  }

  close(): void {
    this.connection.destroy();
  }
}
