/**
 * The reserved user id Steelman debates under in a practice debate. Not a Discord snowflake, so it
 * can never be a member's id; views render it as "Steelman" and never ping it.
 */
export const PARTNER_ID = 'steelman';
export const PARTNER_NAME = 'Steelman';

export const isPartner = (userId: string): boolean => userId === PARTNER_ID;
