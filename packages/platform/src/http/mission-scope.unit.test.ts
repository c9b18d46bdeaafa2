import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { missionScope, type Actor } from './auth';
import { mapClaims } from './claim-mapping';

const screener = (missions?: string[]): Actor => ({ id: 'u', roles: ['un-screener'], ...(missions ? { missions } : {}) });

describe('UN roles scoped to missions', () => {
  it('when a token names missions, then they are read in upper case, from an array, a string or a provider claim', () => {
    expect(mapClaims({ roles: ['un-screener'], missions: ['minusca', 'UNMISS'] }).missions).toEqual(['MINUSCA', 'UNMISS']);
    expect(mapClaims({ roles: ['un-screener'], missions: 'UNIFIL MONUSCO' }).missions).toEqual(['UNIFIL', 'MONUSCO']);
    expect(
      mapClaims({ roles: ['un-screener'], 'https://un.org/missions': ['UNMISS'] }, { missions: 'https://un.org/missions' }).missions,
    ).toEqual(['UNMISS']);
    expect(mapClaims({ roles: ['un-screener'] }).missions).toBeUndefined();
  });

  it('when an officer works for some missions, then reads are limited to them and asking for another is refused', () => {
    expect(missionScope(screener(['MINUSCA', 'UNMISS']))).toEqual(['MINUSCA', 'UNMISS']);
    expect(missionScope(screener(['MINUSCA', 'UNMISS']), 'unmiss')).toEqual(['UNMISS']);
    const refused = (() => {
      try {
        missionScope(screener(['MINUSCA']), 'UNIFIL');
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(403);
  });

  it('when an officer has no missions claim, then every mission is visible, or the one asked for', () => {
    expect(missionScope(screener())).toBeUndefined();
    expect(missionScope(screener(), 'UNIFIL')).toEqual(['UNIFIL']);
  });
});
