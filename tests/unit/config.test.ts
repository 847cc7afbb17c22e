import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, oidcSettings } from '../../server/src/config.ts';

describe('configuration', () => {
  it('defaults to port 4000 and the local Neo4j when nothing is set', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(4000);
    expect(config.NEO4J_URI).toBeUndefined();
    expect(config.NEO4J_PORT).toBe(7687);
    expect(config.NEO4J_DATA_DIR).toBe('.data/neo4j');
    expect(config.SEED_WHEN_EMPTY).toBe(true);
  });

  it('accepts bolt://, neo4j:// and neo4j+s:// addresses', () => {
    for (const uri of [
      'bolt://db:7687',
      'neo4j://cluster:7687',
      'neo4j+s://x.databases.neo4j.io',
    ]) {
      expect(loadConfig({ NEO4J_URI: uri }).NEO4J_URI).toBe(uri);
    }
  });

  it('names every bad variable and what is wrong with it', () => {
    let message = '';
    try {
      loadConfig({ PORT: 'eighty', NEO4J_URI: 'http://localhost:7474', SEED_WHEN_EMPTY: 'yes' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/PORT: must be a port number \(was "eighty"\)/);
    expect(message).toMatch(/NEO4J_URI: must start with one of bolt:\/\//);
    expect(message).toMatch(/SEED_WHEN_EMPTY: must be true or false/);
  });

  describe('sign-in through the identity provider (OIDC)', () => {
    const complete = {
      OIDC_ISSUER: 'https://login.example.fi/realms/ot',
      OIDC_CLIENT_ID: 'metrokartta',
      OIDC_CLIENT_SECRET: 'salaisuus',
      PUBLIC_URL: 'https://metrokartta.example.fi/',
    };
    const messageOf = (env: NodeJS.ProcessEnv) => {
      try {
        loadConfig(env);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
      throw new Error('the configuration was accepted');
    };

    it('is off when no OIDC variable is set, or only empty placeholders', () => {
      expect(oidcSettings(loadConfig({}))).toBeNull();
      expect(oidcSettings(loadConfig({ OIDC_ISSUER: '', OIDC_CLIENT_ID: ' ' }))).toBeNull();
    });

    it('derives the redirect URI from PUBLIC_URL and documents its defaults', () => {
      const settings = oidcSettings(loadConfig(complete));
      expect(settings?.issuer.href).toBe('https://login.example.fi/realms/ot');
      expect(settings?.redirectUri.href).toBe('https://metrokartta.example.fi/auth/oidc/callback');
      expect(settings?.scopes).toBe('openid email profile');
      expect(settings?.roleClaim).toBe('roles');
      expect(Object.fromEntries(settings?.roleMap ?? [])).toEqual({
        viewer: 'viewer',
        coordinator: 'coordinator',
        researcher: 'researcher',
        admin: 'admin',
      });
    });

    it('takes an explicit redirect URI, role claim and role map', () => {
      const settings = oidcSettings(
        loadConfig({
          ...complete,
          PUBLIC_URL: undefined,
          OIDC_REDIRECT_URI: 'https://kartta.example.fi/auth/oidc/callback',
          OIDC_ROLE_CLAIM: 'realm_access.roles',
          OIDC_ROLE_MAP: 'metro-admins=admin, ot-koordinaattorit=coordinator',
        }),
      );
      expect(settings?.redirectUri.href).toBe('https://kartta.example.fi/auth/oidc/callback');
      expect(settings?.roleClaim).toBe('realm_access.roles');
      expect(Object.fromEntries(settings?.roleMap ?? [])).toEqual({
        'metro-admins': 'admin',
        'ot-koordinaattorit': 'coordinator',
      });
      expect(oidcSettings(loadConfig({ ...complete, OIDC_ROLE_CLAIM: 'none' }))?.roleClaim).toBe(
        null,
      );
    });

    it('stops a half-configured start, naming each missing variable', () => {
      const message = messageOf({ OIDC_ISSUER: complete.OIDC_ISSUER });
      expect(message).toMatch(/OIDC_CLIENT_ID: must be set .*\(unset\)/);
      expect(message).toMatch(/OIDC_CLIENT_SECRET: must be set/);
      expect(message).toMatch(/OIDC_REDIRECT_URI: must be set, or PUBLIC_URL/);
      expect(message).not.toMatch(/OIDC_ISSUER:/);

      expect(messageOf({ ...complete, OIDC_CLIENT_SECRET: '' })).toMatch(
        /^- OIDC_CLIENT_SECRET: must be set/m,
      );
      // A role map alone is an OIDC setting too: set without an issuer it is a mistake.
      expect(messageOf({ OIDC_ROLE_MAP: 'staff=viewer' })).toMatch(/OIDC_ISSUER: must be set/);
    });

    it('refuses a plain-http issuer other than localhost, scopes without openid, unknown roles', () => {
      expect(messageOf({ ...complete, OIDC_ISSUER: 'http://login.example.fi' })).toMatch(
        /OIDC_ISSUER: must be an https:\/\/ URL \(http:\/\/ only for localhost\)/,
      );
      expect(
        oidcSettings(loadConfig({ ...complete, OIDC_ISSUER: 'http://127.0.0.1:9000' })),
      ).not.toBeNull();
      expect(messageOf({ ...complete, OIDC_SCOPES: 'email profile' })).toMatch(
        /OIDC_SCOPES: must include openid/,
      );
      expect(messageOf({ ...complete, OIDC_ROLE_MAP: 'metro-admins=superuser' })).toMatch(
        /OIDC_ROLE_MAP: must be pairs like .*"metro-admins=superuser" is not/,
      );
    });
  });
});
