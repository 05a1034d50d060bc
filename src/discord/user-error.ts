/** An expected refusal: the error boundary shows its message privately and logs nothing alarming. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
