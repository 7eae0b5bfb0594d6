// Who is under audit: the creators (platform and handle, and optionally the connected account their
// posts are read through with their id on the platform) and the brands that pay them, with the
// handles, discount codes and affiliate ids the scan matches captions against.
import { useState, type FormEvent } from 'react';
import { useCall } from '../../hooks/useCall.ts';
import { useAction } from './useAction.ts';

const PLATFORMS = ['instagram', 'youtube', 'pinterest', 'tiktok'];
/** "a, b , c" → ["a", "b", "c"]. */
const listOf = (text: string): string[] => text.split(',').map((s) => s.trim()).filter((s) => s !== '');

export function AuditParties({ auditId }: { auditId: string }) {
  const [refresh, setRefresh] = useState(0);
  const bump = () => setRefresh((n) => n + 1);
  const creators = useCall('compliance.creators.list', { auditId }, refresh);
  const accounts = useCall('accounts.list', {}, 0);
  const brands = useCall('compliance.brands.list', { auditId }, refresh);
  const addCreator = useAction('compliance.creators.add', bump);
  const addBrand = useAction('compliance.brands.add', bump);
  const [platform, setPlatform] = useState('instagram');
  const [handle, setHandle] = useState('');
  const [accountId, setAccountId] = useState('');
  const [remoteUserId, setRemoteUserId] = useState('');
  const accountsOnPlatform = (accounts.value ?? []).filter((a) => a.platform === platform);
  const accountName = (id: string | null) => (accounts.value ?? []).find((a) => a.id === id)?.displayName ?? null;
  const [brand, setBrand] = useState({ name: '', handles: '', codes: '', affiliates: '' });

  const submitCreator = (event: FormEvent) => {
    event.preventDefault();
    const via = accountId === '' ? {} : { accountId, ...(remoteUserId.trim() === '' ? {} : { remoteUserId: remoteUserId.trim() }) };
    void addCreator.run({ auditId, platform, handle, ...via }).then((added) => {
      if (!added) return;
      setHandle('');
      setRemoteUserId('');
    });
  };
  const submitBrand = (event: FormEvent) => {
    event.preventDefault();
    void addBrand
      .run({ auditId, name: brand.name, handles: listOf(brand.handles), discountCodes: listOf(brand.codes), affiliateIds: listOf(brand.affiliates) })
      .then((added) => added && setBrand({ name: '', handles: '', codes: '', affiliates: '' }));
  };

  return (
    <section aria-labelledby="compliance-parties" className="compliance-parties">
      <h2 id="compliance-parties">Creators and brands</h2>
      <div>
        <ul aria-label="Creators under audit">
          {(creators.value ?? []).map((c) => (
            <li key={c.id}>
              {c.handle} on {c.platform}
              {c.accountId ? ` · read through ${accountName(c.accountId) ?? 'a connected account'}${c.remoteUserId ? ` as ${c.remoteUserId}` : ''}` : ''}
            </li>
          ))}
        </ul>
        <form aria-label="Add creator" className="compliance-form" onSubmit={submitCreator}>
          <label>
            Platform{' '}
            <select
              aria-label="Platform"
              value={platform}
              onChange={(e) => {
                setPlatform(e.target.value);
                setAccountId('');
              }}
            >
              {PLATFORMS.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          </label>
          <label>
            Creator handle <input value={handle} onChange={(e) => setHandle(e.target.value)} required />
          </label>
          <label>
            Read posts through{' '}
            <select aria-label="Connected account" value={accountId} onChange={(e) => setAccountId(e.target.value)}>
              <option value="">no account (import an export)</option>
              {accountsOnPlatform.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.displayName}
                </option>
              ))}
            </select>
          </label>
          {accountId !== '' ? (
            <label>
              Creator’s id on {platform}{' '}
              <input aria-label="Creator id on the platform" value={remoteUserId} placeholder={platform === 'youtube' ? 'channel id, UC…' : 'user id'} onChange={(e) => setRemoteUserId(e.target.value)} />
            </label>
          ) : null}
          <button type="submit" disabled={addCreator.busy}>
            Add creator
          </button>
          {addCreator.error ? <p role="alert" className="error">{addCreator.error}</p> : null}
        </form>
      </div>
      <div>
        <ul aria-label="Brands under audit">
          {(brands.value ?? []).map((b) => (
            <li key={b.id}>
              {b.name}: handles {b.handles.join(', ') || 'none'}; codes {b.discountCodes.join(', ') || 'none'}; affiliate ids {b.affiliateIds.join(', ') || 'none'}
            </li>
          ))}
        </ul>
        <form aria-label="Add brand" className="compliance-form" onSubmit={submitBrand}>
          <label>
            Brand name <input value={brand.name} onChange={(e) => setBrand({ ...brand, name: e.target.value })} required />
          </label>
          <label>
            Brand handles <input value={brand.handles} placeholder="comma-separated" onChange={(e) => setBrand({ ...brand, handles: e.target.value })} />
          </label>
          <label>
            Discount codes <input value={brand.codes} placeholder="comma-separated" onChange={(e) => setBrand({ ...brand, codes: e.target.value })} />
          </label>
          <label>
            Affiliate ids <input value={brand.affiliates} placeholder="comma-separated" onChange={(e) => setBrand({ ...brand, affiliates: e.target.value })} />
          </label>
          <button type="submit" disabled={addBrand.busy}>
            Add brand
          </button>
          {addBrand.error ? <p role="alert" className="error">{addBrand.error}</p> : null}
        </form>
      </div>
    </section>
  );
}
