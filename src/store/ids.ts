// Ids that may leave the machine (decisions, notes, audit entries, items) are UUIDv7: globally
// unique for the team server later, and time-ordered so indexes stay compact.
import { v7 } from 'uuid';

export const newId = (): string => v7();
