import { HasSignPrompt } from '../../src/components/HasSignPrompt/HasSignPrompt'
import { useHasChallenge } from '../../src/react/hooks/useHasChallenge'
import { useHasSign } from '../../src/react/hooks/useHasSign'
import { useHiveAuth } from '../../src/react/hooks/useHiveAuth'

/** A logged-in page that votes and signs a message, each followed by a HasSignPrompt; `chainFailure` adds a transfer the chain refuses. */
export function SignDemo({ chainFailure = false }: { chainFailure?: boolean }) {
  const { session } = useHiveAuth()
  const sign = useHasSign()
  const challenge = useHasChallenge()
  if (!session) return <p>Log in to vote or sign a message.</p>
  return (
    <div className="story-actions">
      <button
        type="button"
        className="has-button"
        data-has=""
        onClick={() =>
          sign.mutate({ keyType: 'posting', ops: [['vote', { voter: session.account, author: 'hiveio', permlink: 'welcome', weight: 10000 }]] })
        }
      >
        Upvote @hiveio/welcome
      </button>
      <button
        type="button"
        className="has-button"
        data-has=""
        onClick={() => challenge.mutate({ keyType: 'posting', message: `I am @${session.account}` })}
      >
        Sign a message
      </button>
      {chainFailure && (
        <button
          type="button"
          className="has-button"
          data-has=""
          onClick={() =>
            sign.mutate({ keyType: 'posting', ops: [['transfer', { from: session.account, to: 'bob', amount: '0.001 HIVE', memo: '' }]] })
          }
        >
          Transfer with the posting key
        </button>
      )}
      <HasSignPrompt mutation={sign} />
      <HasSignPrompt mutation={challenge} />
    </div>
  )
}
