import type { AgencyProfile } from '../../../../shared/config';

/** The department's logo and name and the program's name, from the profile, at the top of every screen. */
export function Masthead({ profile }: { profile: AgencyProfile }) {
  return (
    <header className="masthead">
      {/* The agency's name is written beside the logo, so the image itself says nothing more. */}
      {profile.agency.logoDataUrl && <img className="masthead__logo" src={profile.agency.logoDataUrl} alt="" />}
      {/* Held for 5 seconds, the agency's name opens the admin PIN pad (docs/security.md); a tap does nothing. */}
      <p className="masthead__agency" data-admin-door>
        {profile.agency.name}
      </p>
      <p className="masthead__program">{profile.program.name}</p>
    </header>
  );
}
