// Poll definitions committed by staff under content/polls/: one schema for server and build.
import { z } from "zod";

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "lower-case letters, digits and single hyphens only");
const instant = z.iso.datetime({ offset: true });

export const pollOptionSchema = z.strictObject({
  /** Stable id sent by the form; never rename once votes exist. */
  id: slug,
  /** Text readers see. */
  label: z.string().trim().min(1),
});

export const pollDefinitionSchema = z
  .strictObject({
    /** Equals the file name without `.json`. */
    id: slug,
    /** The question as readers see it. */
    question: z.string().trim().min(1),
    /** Two or more choices. */
    options: z.array(pollOptionSchema).min(2),
    /** Votes before this instant are refused; absent = open from the start. */
    opensAt: instant.optional(),
    /** Votes from this instant on are refused; absent = never closes. */
    closesAt: instant.optional(),
    /** People who voted on the original site; how they voted is unknown and never invented. */
    priorParticipants: z.number().int().min(0).default(0),
    /** Article slug whose page showed `priorParticipants`. */
    priorSource: z.string().optional(),
  })
  .refine((p) => new Set(p.options.map((o) => o.id)).size === p.options.length, {
    message: "option ids must be unique",
    path: ["options"],
  })
  .refine((p) => !p.opensAt || !p.closesAt || Date.parse(p.opensAt) < Date.parse(p.closesAt), {
    message: "closesAt must be after opensAt",
    path: ["closesAt"],
  });

export type PollDefinition = z.output<typeof pollDefinitionSchema>;

/**
 * Validates one file's parsed JSON; the message names the file (in `folder`, as staff would
 * find it) and the field.
 */
export function parsePollDefinition(
  raw: unknown,
  fileName: string,
  folder = "content/polls",
): PollDefinition {
  const parsed = pollDefinitionSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
      .join("; ");
    throw new Error(`${folder}/${fileName}: ${problems}`);
  }
  const expectedId = fileName.replace(/\.json$/, "");
  if (parsed.data.id !== expectedId) {
    throw new Error(`${folder}/${fileName}: id "${parsed.data.id}" must equal the file name`);
  }
  return parsed.data;
}

/** Whether a poll takes votes at `now`. */
export function isPollOpen(poll: PollDefinition, now: Date): boolean {
  const t = now.getTime();
  if (poll.opensAt && t < Date.parse(poll.opensAt)) return false;
  if (poll.closesAt && t >= Date.parse(poll.closesAt)) return false;
  return true;
}

/** The poll the widget shows: the open poll that opened last, else the first one given. */
export function featuredPoll(polls: PollDefinition[], now: Date): PollDefinition | undefined {
  const open = polls.filter((p) => isPollOpen(p, now));
  const opened = (p: PollDefinition) => (p.opensAt ? Date.parse(p.opensAt) : -Infinity);
  return open.sort((a, b) => opened(b) - opened(a))[0] ?? polls[0];
}
