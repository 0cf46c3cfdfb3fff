/**
 * Conversions between the engine's directions (radians in [0, 2π), counter-clockwise as viewed) and the integer
 * angle units that template formats store. Every format divides a full turn into a whole number of units:
 * - Sarhad internal format: 65,536 units (about 0.0055 degrees);
 * - ISO/IEC 19794-2:2005 minutia angle field: 256 units of 360/256 = 1.40625 degrees;
 * - ANSI/INCITS 378-2004 minutia angle field: 180 units of 2 degrees.
 * Encoding rounds to the nearest unit (half a unit rounds up) and wraps modulo the unit count, so a direction a
 * hair below 2π is written as unit 0, never as an out-of-range unit. The worst-case error is therefore half a unit.
 */

const TURN = 2 * Math.PI;

/** Nearest whole unit for `radians`, wrapped into 0..unitsPerTurn-1. `radians` may be any finite number. */
export function radiansToAngleUnits(radians: number, unitsPerTurn: number): number {
  const units = Math.round((radians / TURN) * unitsPerTurn) % unitsPerTurn;
  // `%` keeps the sign of the dividend; the `+ 0` turns a negative zero into zero.
  return (units < 0 ? units + unitsPerTurn : units) + 0;
}

/** Direction in radians in [0, 2π) for a stored unit in 0..unitsPerTurn-1. */
export function angleUnitsToRadians(units: number, unitsPerTurn: number): number {
  return (units / unitsPerTurn) * TURN;
}
