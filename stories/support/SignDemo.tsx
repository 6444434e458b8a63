import { HasSignPrompt } from '../../src/components/HasSignPrompt/HasSignPrompt'
import { useHasChallenge } from '../../src/react/hooks/useHasChallenge'
import { useHasSign } from '../../src/react/hooks/useHasSign'
import { useHiveAuth } from '../../src/react/hooks/useHiveAuth'

/** A logged-in page that votes and signs a message, each followed by a HasSignPrompt; `chainFailure` adds a transfer the chain refuses. */
export function SignDemo({ chainFailure = false, manyOps = false, danger = false }: { chainFailure?: boolean; manyOps?: boolean; danger?: boolean }) {
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
      {manyOps && (
        <button
          type="button"
          className="has-button"
          data-has=""
          onClick={() => sign.mutate({ keyType: 'posting', ops: postAndFollow(session.account) })}
        >
          Publish, vote and follow
        </button>
      )}
      {danger && (
        <button
          type="button"
          className="has-button"
          data-has=""
          onClick={() =>
            sign.mutate({ keyType: 'active', ops: [['transfer', { from: session.account, to: 'bob', amount: '250000.000 HIVE', memo: '' }]] })
          }
        >
          Send 250,000 HIVE
        </button>
      )}
      <HasSignPrompt mutation={sign} />
      <HasSignPrompt mutation={challenge} />
    </div>
  )
}

/** Several common operations in one transaction, to show the plain-language summary. */
function postAndFollow(account: string): [string, Record<string, unknown>][] {
  return [
    [
      'comment',
      {
        parent_author: '',
        parent_permlink: 'hive',
        author: account,
        permlink: 'hello-hive',
        title: 'Hello Hive',
        body: 'My first post',
        json_metadata: '{}',
      },
    ],
    ['vote', { voter: account, author: account, permlink: 'hello-hive', weight: 10000 }],
    [
      'custom_json',
      {
        required_auths: [],
        required_posting_auths: [account],
        id: 'follow',
        json: JSON.stringify(['follow', { follower: account, following: 'hiveio', what: ['blog'] }]),
      },
    ],
  ]
}
