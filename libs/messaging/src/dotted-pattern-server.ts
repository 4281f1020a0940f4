import { ServerRMQ } from '@nestjs/microservices';

/** A pattern as Gatehouse names them ('hub.membership.get'): letters first, with dots; never JSON. */
const DOTTED_NAME = /^[A-Za-z][\w-]*(\.[\w-]+)+$/;

/**
 * Nest's RMQ server without one cost per message: to find the handler, Nest first tries JSON.parse on the
 * pattern (for object patterns), which for a dotted name throws a SyntaxError with its stack trace, about
 * 10–25 µs of the hub's CPU per RPC (docs/performance.md, "RPC round trip"). A dotted name is its own
 * route, as Nest would make it after the failed parse; any other pattern takes Nest's way.
 */
export class DottedPatternServerRMQ extends ServerRMQ {
  protected override getRouteFromPattern(pattern: string): string {
    return DOTTED_NAME.test(pattern) ? pattern : super.getRouteFromPattern(pattern);
  }
}
