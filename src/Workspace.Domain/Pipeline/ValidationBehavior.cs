using FluentValidation;
using Mediator;
using Workspace.Domain.Common;

namespace Workspace.Domain.Pipeline;

/// <summary>Runs the message's validators before its handler; a failure changes nothing and reads as a sentence.</summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        List<string>? errors = null;
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            foreach (var failure in result.Errors)
                (errors ??= []).Add(failure.ErrorMessage);
        }
        if (errors is not null)
            throw new InvalidInputException(errors);
        return await next(message, cancellationToken);
    }
}
