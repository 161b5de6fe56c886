// The few autocannon options and results bench-api uses (the package ships no types).
declare module "autocannon" {
  type Request = {
    method?: string;
    path?: string;
    body?: string;
    headers?: Record<string, string>;
    setupRequest?: (req: Request) => Request;
  };
  type Options = {
    url: string;
    amount?: number;
    /** Seconds to run, instead of an amount. */
    duration?: number;
    connections?: number;
    sampleInt?: number;
    requests?: Request[];
  };
  type Result = {
    "2xx": number;
    non2xx: number;
    duration: number;
    latency: { p50: number; p99: number };
    requests: { average: number };
  };
  export default function autocannon(options: Options): Promise<Result>;
}
