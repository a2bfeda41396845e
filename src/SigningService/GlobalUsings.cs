global using JobResponse = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<SigningService.Jobs.JobView>,
    Microsoft.AspNetCore.Http.HttpResults.Accepted<SigningService.Jobs.JobView>,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem,
    Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>;
