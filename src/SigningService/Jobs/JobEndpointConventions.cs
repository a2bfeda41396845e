namespace SigningService.Jobs;

public static class JobEndpointConventions
{
    /// <summary>The problems every job-creating endpoint can answer besides validation, for the OpenAPI document.</summary>
    public static RouteGroupBuilder ProducesJobProblems(this RouteGroupBuilder group)
    {
        group.ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }
}
