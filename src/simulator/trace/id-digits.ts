/**
 * The 8 hex digits that tell an id apart, past the zeros that pad a 64-bit trace id (Jaeger, Zipkin,
 * B3) to 128 bits or an id written without leading zeros: `00000000000000004bf92f35…` → `4bf92f35`.
 */
export function idDigits(id: string): string {
  return id.replace(/^0{8,}(?=[0-9a-f]{8})/, '').slice(0, 8);
}
