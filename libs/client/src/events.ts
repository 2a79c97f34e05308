/**
 * A small typed event emitter (no Node `events`: this runs in the browser). A listener that throws does not stop the
 * others; its error surfaces on its own, as an event emitter's would.
 */
export class Emitter<Events extends { [E in keyof Events]: (...args: never[]) => void }> {
  private readonly listeners = new Map<keyof Events, Set<(...args: never[]) => void>>();

  constructor(
    /** Where a listener's error goes: thrown on its own (as an event emitter's would) unless told otherwise. */
    private readonly listenerFailed: (error: unknown) => void = (error) =>
      setTimeout(() => {
        throw error;
      }),
  ) {}

  on<E extends keyof Events>(event: E, listener: Events[E]): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener);
    this.listeners.set(event, set);
    return () => this.off(event, listener);
  }

  once<E extends keyof Events>(event: E, listener: Events[E]): void {
    const wrapped = ((...args: Parameters<Events[E]>) => {
      this.off(event, wrapped);
      (listener as (...values: Parameters<Events[E]>) => void)(...args);
    }) as Events[E];
    this.on(event, wrapped);
  }

  off<E extends keyof Events>(event: E, listener: Events[E]): void {
    this.listeners.get(event)?.delete(listener);
  }

  emit<E extends keyof Events>(event: E, ...args: Parameters<Events[E]>): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      try {
        (listener as (...values: Parameters<Events[E]>) => void)(...args);
      } catch (error) {
        this.listenerFailed(error);
      }
    }
  }
}
